/**
 * Node only: runs a hunt over many files on every core with worker_threads. Consumes file paths and the
 * rule paths plus selection (each worker loads and compiles the same rules, so rule indices agree);
 * produces matches per file, delivered strictly in file order and, within a file, in record order, so the
 * output never depends on scheduling. A file is the unit of work: one large file uses one core.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SkippedRecord } from '../sources/event.js';
import type { SourceFormat } from '../sources/index.js';
import type { TimeRange } from './hunt.js';
import { type FileTotals, huntFile, type Match } from './hunt-file.js';
import { RuleMatcher } from './matcher.js';
import type { PreparedRules, RuleSelection } from './select.js';
import type { FromWorker, WorkerSetup } from './worker-protocol.js';

/** What to hunt and where results go. */
export interface ParallelHuntOptions {
  readonly files: readonly string[];
  /** The rules already prepared in this thread (used directly when running in-process). */
  readonly prepared: PreparedRules;
  /** Rule files and folders plus selection, for workers to rebuild the same prepared rules. */
  readonly rulePaths: readonly string[];
  readonly selection: RuleSelection;
  readonly range: TimeRange;
  readonly format?: SourceFormat;
  /** Worker threads to use (default: available cores); 1 runs in this thread. */
  readonly workers?: number;
  readonly onSkip: (s: SkippedRecord) => void;
  readonly onWarning: (s: SkippedRecord) => void;
  /** Matches of one file, in order; files are delivered one after the other in input order. */
  readonly onMatches: (file: string, batch: readonly Match[]) => void;
  readonly onFileDone: (totals: FileTotals) => void;
  /** Progress of one file (events read, bytes reached). */
  readonly onProgress?: (file: string, events: number, bytes: number) => void;
}

/** The worker script; absent when running from TypeScript sources (tests), which then stay in-process. */
const WORKER_URL = new URL('./hunt-worker.js', import.meta.url);

/** Hunts the files, in parallel when more than one worker and file are available. */
export async function runParallelHunt(opts: ParallelHuntOptions): Promise<void> {
  const wanted = Math.min(opts.workers ?? availableParallelism(), opts.files.length);
  if (wanted <= 1 || import.meta.url.endsWith('.ts')) return runInProcess(opts);
  return runWorkers(opts, wanted);
}

async function runInProcess(opts: ParallelHuntOptions): Promise<void> {
  const matcher = new RuleMatcher(opts.prepared.compiled);
  for (const file of opts.files) {
    const totals = await huntFile(file, matcher, {
      range: opts.range,
      format: opts.format,
      onSkip: opts.onSkip,
      onWarning: opts.onWarning,
      onMatches: (batch) => opts.onMatches(file, batch),
      onProgress: (e, b) => opts.onProgress?.(file, e, b),
    });
    opts.onFileDone(totals);
  }
}

/** Per-file buffers so output stays in file order while workers finish files in any order. */
interface Pending {
  batches: Match[][];
  totals?: FileTotals;
}

function runWorkers(opts: ParallelHuntOptions, count: number): Promise<void> {
  const setup: WorkerSetup = {
    rulePaths: [...opts.rulePaths],
    selection: opts.selection,
    range: opts.range,
    format: opts.format,
  };
  const pending = opts.files.map((): Pending => ({ batches: [] }));
  let head = 0;
  let next = 0;
  const drain = (): void => {
    while (head < pending.length) {
      const p = pending[head];
      for (const b of p.batches.splice(0)) opts.onMatches(opts.files[head], b);
      if (!p.totals) return;
      opts.onFileDone(p.totals);
      head++;
    }
  };
  return new Promise((resolve, reject) => {
    let alive = count;
    for (let w = 0; w < count; w++) {
      const worker = new Worker(WORKER_URL, { workerData: setup });
      let current = -1;
      const feed = (): void => {
        if (next >= opts.files.length) {
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ type: 'file', file: opts.files[current] });
      };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') feed();
        else if (m.type === 'skip') opts.onSkip(m.record);
        else if (m.type === 'warning') opts.onWarning(m.record);
        else if (m.type === 'progress') opts.onProgress?.(opts.files[current], m.events, m.bytes);
        else if (m.type === 'matches') {
          pending[current].batches.push(m.batch);
          if (current === head) drain();
        } else if (m.type === 'done') {
          pending[current].totals = m.totals;
          drain();
          feed();
        } else if (m.type === 'error') reject(new Error(`hunt worker failed: ${m.message}`));
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        alive--;
        if (alive === 0) {
          drain();
          resolve();
        }
      });
    }
  });
}
