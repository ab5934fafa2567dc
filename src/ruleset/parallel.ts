/**
 * Node only: loads a rule set for `convert`. Consumes files and folders; produces the same `RuleSet` as
 * `loadRules(paths, { keepDocuments: false })`, in the same order. Files the cache (cache.ts) holds
 * unchanged are not parsed. With `threads: 2` and many files to parse, this thread parses the first part
 * while one worker thread parses the rest, whose rules come back by structured clone and are frozen again;
 * a worker that fails has its files parsed here instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostic.js';
import { deepFreeze, RuleCache } from './cache.js';
import { findRuleFiles, readBytes } from './files.js';
import { assembleRuleSet, loadFile, parseFile } from './load.js';
import type { ParsedFile, RuleSet } from './types.js';

/** Below this many files to parse, the worker's start-up costs more than it saves. */
const MIN_FILES_FOR_WORKER = 400;

/**
 * The worker's share of the files. It starts later than this thread (thread start, module loading), so it
 * takes a little less than half (timed on the SigmaHQ corpus: the worker starts parsing ~100 ms late).
 */
const WORKER_SHARE = 0.45;

/** The worker script; absent when running from TypeScript sources (tests), which then stay in one thread. */
const WORKER_URL = new URL('./load-worker.js', import.meta.url);

/** Options of a parallel load. */
export interface ParallelLoadOptions {
  /**
   * Threads to parse on (default 1). Two pay off only where cores do not share their execution units: on
   * the 2-vCPU machine of docs/benchmarks.md two processes each parsing half the corpus take 1.8x as long
   * as one alone, so a second thread made loading slower there.
   */
  readonly threads?: number;
  /** A cache folder (cache.ts): unchanged files are not parsed again, and the cache is updated. */
  readonly cacheDir?: string;
}

/** Loads every rule file under the paths. */
export async function loadRulesInParallel(
  paths: readonly string[],
  options: ParallelLoadOptions = {},
): Promise<RuleSet> {
  const diagnostics: Diagnostic[] = [];
  const files = await findRuleFiles(paths, diagnostics);
  const cache = options.cacheDir ? new RuleCache(options.cacheDir, paths) : undefined;
  const parsed = new Map<string, ParsedFile>();
  const bytesOf = new Map<string, Uint8Array>();
  for (const f of cache ? files : []) {
    const bytes = readBytes(f, []);
    const hit = bytes && cache?.get(f, bytes);
    if (hit) parsed.set(f, hit);
    else if (bytes) bytesOf.set(f, bytes);
  }
  const todo = files.filter((f) => !parsed.has(f));
  const threads = Math.min(options.threads ?? 1, availableParallelism());
  const useWorker = threads > 1 && todo.length >= MIN_FILES_FOR_WORKER && !import.meta.url.endsWith('.ts');
  const cut = useWorker ? Math.round(todo.length * (1 - WORKER_SHARE)) : todo.length;
  const theirs = todo.slice(cut);
  const pending = useWorker ? inWorker(theirs).catch(() => theirs.map((f) => loadFile(f))) : undefined;
  for (const f of todo.slice(0, cut)) parsed.set(f, parseHere(f, bytesOf.get(f)));
  for (const [i, p] of ((await pending) ?? []).entries()) parsed.set(theirs[i], p);
  for (const [f, bytes] of bytesOf) cache?.set(f, bytes, parsed.get(f) as ParsedFile);
  cache?.save();
  const results = files.map((f) => parsed.get(f) as ParsedFile);
  for (const r of results) diagnostics.push(...r.diagnostics);
  return assembleRuleSet(
    files,
    [],
    diagnostics,
    results.flatMap((r) => r.rules),
  );
}

function parseHere(file: string, bytes: Uint8Array | undefined): ParsedFile {
  return bytes ? parseFile(file, bytes) : loadFile(file);
}

/** Parses files in a worker thread: one `ParsedFile` per file, in order. */
function inWorker(files: readonly string[]): Promise<ParsedFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: files });
    worker.once('message', (results: ParsedFile[]) => {
      resolve(results.map((r) => ({ rules: r.rules.map(deepFreeze), diagnostics: r.diagnostics.map(deepFreeze) })));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`rule loading worker exited with ${code}`)));
  });
}
