/**
 * Node only: `tripline check` over files and folders on every core. Consumes paths and settings; produces
 * the same sorted diagnostics as loadRules + checkRuleSet. Files are split into contiguous chunks, one per
 * worker thread (YAML parsing dominates and parallelises); the main thread then runs what compares
 * files — duplicate ids, rule references, duplicate titles and file names — over the plain data the
 * chunks return. A failed worker's chunk is redone in this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostic.js';
import { findRuleFiles } from '../ruleset/files.js';
import { assembleRuleSet } from '../ruleset/load.js';
import type { RuleEntry } from '../ruleset/types.js';
import { type ChunkResult, type ChunkSetup, checkChunk } from './chunk.js';
import { type CheckSetting, checkSettings } from './config.js';
import { loadReferenceData, type ReferenceDataOptions } from './data/load.js';
import { applySettings, checkContext, enabledChecks, runSetChecks, sortDiagnostics } from './runner.js';

/** Below this many files per thread, threads cost more than they save. */
const MIN_FILES_PER_THREAD = 200;

/** The worker script; absent when running from TypeScript sources (tests), which then stay in-process. */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Options of a parallel check run. */
export interface CheckPathsOptions {
  readonly checks?: Readonly<Record<string, CheckSetting>>;
  readonly dataOptions?: ReferenceDataOptions;
  /**
   * Worker threads (default 1: everything in this thread). Measured on the 3,780-rule corpus on 2 cores,
   * two workers cost ~50% more CPU than one thread (each worker re-warms the YAML parser's JIT and reloads
   * the reference data), so threads pay off only for much larger rule sets; see bench/check.mjs.
   */
  readonly threads?: number;
  /** Split into chunks even in-process (tests use it to exercise the merge without threads). */
  readonly chunks?: number;
}

/** The files checked and the diagnostics, sorted as checkRuleSet sorts them. */
export interface CheckPathsResult {
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks every rule file under the paths. */
export async function checkPaths(paths: readonly string[], options: CheckPathsOptions = {}): Promise<CheckPathsResult> {
  const found: Diagnostic[] = [];
  const files = await findRuleFiles(paths, found);
  const data = loadReferenceData(options.dataOptions);
  const byCount = Math.floor(files.length / MIN_FILES_PER_THREAD);
  const threads = Math.max(1, Math.min(options.threads ?? 1, byCount, availableParallelism() * 2));
  const useWorkers = threads > 1 && !import.meta.url.endsWith('.ts');
  const chunks = split(files, useWorkers ? threads : (options.chunks ?? 1));
  const setups: ChunkSetup[] = chunks.map((c) => ({
    files: c,
    checks: options.checks,
    dataOptions: options.dataOptions,
  }));
  const results = useWorkers
    ? await Promise.all(setups.map((s) => inWorker(s).catch(() => checkChunk(s, data))))
    : await Promise.all(setups.map((s) => checkChunk(s, data)));
  for (const r of results) found.push(...r.diagnostics);
  // The loader's cross-file checks read only each entry's file and IR rule, which the chunks sent back.
  const entries = results.flatMap((r) =>
    r.rules.map((rule) => ({ document: { file: rule.origin.file }, rule }) as unknown as RuleEntry),
  );
  assembleRuleSet(files, entries, found);
  const config = { checks: options.checks, data };
  const setChecks = enabledChecks(config).filter((c) => c.scope === 'set');
  runSetChecks({ files, rules: results.flatMap((r) => r.facts) }, checkContext(config, found), setChecks, found);
  return { files, diagnostics: sortDiagnostics(applySettings(found, checkSettings(options.checks)), files) };
}

/** Splits a list into `n` contiguous chunks of near-equal size (order kept). */
export function split<T>(items: readonly T[], n: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, n));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

function inWorker(setup: ChunkSetup): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: setup });
    worker.once('message', (r: ChunkResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`check worker exited with ${code}`)));
  });
}
