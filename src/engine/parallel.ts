/**
 * Node only: runs a hunt over many files on every core with worker_threads. Consumes file paths and the
 * prepared rules (each worker compiles the same IR rules again, so rule indices agree);
 * produces matches delivered strictly in file order and, within a file, in record order, so the output
 * never depends on scheduling. Work units are whole files, and large JSON-lines files are cut into line-
 * aligned byte ranges so one big file also uses every core.
 */
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { LogEvent, SkippedRecord } from '../sources/event.js';
import { detectFormat, type RecordKind, type SourceFormat } from '../sources/index.js';
import type { TimeRange } from './hunt.js';
import { type FileTotals, huntFile, type Match } from './hunt-file.js';
import { type ByteRange, lineRanges } from './hunt-range.js';
import { RuleMatcher } from './matcher.js';
import type { PreparedRules } from './select.js';
import { type FromWorker, type ToWorker, type WorkerSetup, workerRule } from './worker-protocol.js';

/** Progress of one unit of work (a file or a range of one). */
export interface UnitProgress {
  readonly unit: string;
  readonly file: string;
  readonly events: number;
  /** Bytes of the unit read so far. */
  readonly bytes: number;
  readonly done: boolean;
}

/** What to hunt and where results go. */
export interface ParallelHuntOptions {
  readonly files: readonly string[];
  /** The rules prepared in this thread (workers get their IR and compile it again). */
  readonly prepared: PreparedRules;
  readonly range: TimeRange;
  readonly format?: SourceFormat;
  /** Worker threads to use (default: defaultWorkers); 1 runs in this thread. */
  readonly workers?: number;
  /** JSON-lines files at least twice this size are split into ranges of this size (default 32 MiB). */
  readonly splitBytes?: number;
  readonly onSkip: (s: SkippedRecord) => void;
  readonly onWarning: (s: SkippedRecord) => void;
  /** Matches of one file, in order; files are delivered one after the other in input order. */
  readonly onMatches: (file: string, batch: readonly Match[]) => void;
  /**
   * Per rule index, the only fields of its matched events the caller reads (undefined: all). Workers then
   * send matched events with just these fields: cloning the whole event to the main thread and back cost
   * more than everything else the main thread does for a match. Events hunted in this thread stay whole.
   */
  readonly matchFields?: readonly (readonly string[] | undefined)[];
  readonly onFileDone: (totals: FileTotals) => void;
  readonly onProgress?: (p: UnitProgress) => void;
}

/**
 * Worker threads by default: one per core, up to this many. Each worker holds its own compiled copy of the
 * rules (~45 MB live with the 2,400 SigmaHQ Windows rules), so more would mostly cost memory.
 */
export const MAX_DEFAULT_WORKERS = 4;

/** The default number of worker threads (1 means this thread). */
export function defaultWorkers(): number {
  return Math.min(availableParallelism(), MAX_DEFAULT_WORKERS);
}

/**
 * How far (in percent) a thread's old generation may grow past its live data before V8 collects it again.
 * V8 lets a heap grow up to 4x between full collections; a hunt promotes short-lived event data steadily,
 * so each worker's heap ran up to twice its rules before being collected, and two workers with the SigmaHQ
 * Windows rules peaked at 360-520 MB on a 2 GB input. Capped at 1.5x they peak at 260-285 MB, for a little
 * more garbage-collection work; a hunt in this one thread peaks at ~170 MB instead of ~275 MB. Set for the
 * whole hunt: the flag is process-wide and read at every collection.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * V8 flag for the whole hunt (process-wide, read at every collection): no pretenuring by allocation site.
 * A hunt allocates each event's fields at one site; when the events of a batch outlive a scavenge (matched
 * ones waiting to be sent), V8 may start allocating every later event there straight in the old generation,
 * where short-lived events then need full collections. Measured with a worker's young generation: 600 KB
 * promoted per scavenge instead of 80; in a two-worker hunt of the 200 MB bench file, 15% less time in
 * garbage collection (docs/engine.md).
 */
const NO_PRETENURING = '--no-allocation-site-pretenuring';

/** The worker script; absent when running from TypeScript sources (tests), which then stay in-process. */
const WORKER_URL = new URL('./hunt-worker.js', import.meta.url);
const SPLIT_BYTES = 32 * 2 ** 20;

/** One unit of work: a whole file, or a line-aligned range of a JSON-lines file. */
interface Unit {
  readonly file: string;
  readonly range?: ByteRange;
  readonly kind?: RecordKind;
  /** True for the last unit of its file. */
  readonly last: boolean;
}

/** Hunts the files, in parallel when more than one worker is available. */
export async function runParallelHunt(opts: ParallelHuntOptions): Promise<void> {
  setFlagsFromString(NO_PRETENURING);
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const cores = opts.workers ?? defaultWorkers();
  if (cores <= 1 || import.meta.url.endsWith('.ts')) return runInProcess(opts);
  const split = opts.splitBytes ?? SPLIT_BYTES;
  // Starting workers and compiling the rules in each costs a moment: only worth it for big inputs.
  let total = 0;
  for (const f of opts.files) total += await size(f);
  if (total < 2 * split) return runInProcess(opts);
  const units = await planUnits(opts, split);
  if (units.length <= 1) return runInProcess(opts);
  return runWorkers(opts, units, Math.min(cores, units.length));
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
      onProgress: (events, bytes) => opts.onProgress?.({ unit: file, file, events, bytes, done: false }),
    });
    opts.onProgress?.({ unit: file, file, events: totals.events, bytes: await size(file), done: true });
    opts.onFileDone(totals);
  }
}

async function size(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.size,
    () => 0,
  );
}

/** Record shapes a `--source` name forces; those formats are still JSON lines underneath. */
const FORCED: Partial<Record<SourceFormat, RecordKind>> = {
  ecs: 'ecs',
  mde: 'mde',
  'sysmon-json': 'sysmon-json',
  'evtx-json': 'evtx-json',
};

/** Cuts large UTF-8 JSON-lines files into ranges; every other file is one unit. */
async function planUnits(opts: ParallelHuntOptions, splitBytes: number): Promise<Unit[]> {
  const units: Unit[] = [];
  for (const file of opts.files) {
    const bytes = await size(file);
    const forced = opts.format === undefined ? undefined : FORCED[opts.format];
    const canSplit = opts.format === undefined || opts.format === 'jsonl' || forced !== undefined;
    if (bytes < 2 * splitBytes || !canSplit || !(await isUtf8JsonLines(file))) {
      units.push({ file, last: true });
      continue;
    }
    const ranges = await lineRanges(file, bytes, splitBytes);
    for (const [i, range] of ranges.entries()) units.push({ file, range, kind: forced, last: i === ranges.length - 1 });
  }
  return units;
}

async function isUtf8JsonLines(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const found = detectFormat(file, buf.subarray(0, bytesRead));
    return found.format === 'jsonl' && found.encoding === 'utf-8';
  } finally {
    await handle.close();
  }
}

/** Output held back until every earlier unit is delivered. */
interface Pending {
  readonly batches: Match[][];
  readonly skips: ['skip' | 'warning', SkippedRecord][];
  totals?: FileTotals;
  lines?: number;
}

function runWorkers(opts: ParallelHuntOptions, units: readonly Unit[], count: number): Promise<void> {
  const setup: WorkerSetup = {
    rules: opts.prepared.compiled.map((c, i) => workerRule(c.rule, opts.matchFields?.[i])),
    range: opts.range,
    format: opts.format,
  };
  const pending = units.map((): Pending => ({ batches: [], skips: [] }));
  const deliver = new Delivery(opts, units, pending);
  let next = 0;
  return new Promise((resolve, reject) => {
    let alive = count;
    const workers: Worker[] = [];
    const fail = (e: Error): void => {
      for (const w of workers) void w.terminate();
      reject(e);
    };
    for (let w = 0; w < count; w++) {
      // A small young generation keeps each worker's footprint down; events die young, so scavenges are cheap.
      const worker = new Worker(WORKER_URL, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
      workers.push(worker);
      let current = -1;
      const feed = (): void => {
        if (next >= units.length) {
          void worker.terminate();
          return;
        }
        current = next++;
        const u = units[current];
        const msg: ToWorker = { type: 'unit', file: u.file, range: u.range, kind: u.kind };
        worker.postMessage(msg);
      };
      worker.on('message', (m: FromWorker) => {
        const p = pending[current];
        if (m.type === 'ready') feed();
        else if (m.type === 'skip' || m.type === 'warning') {
          if (units[current].range) p.skips.push([m.type, m.record]);
          else (m.type === 'skip' ? opts.onSkip : opts.onWarning)(m.record);
        } else if (m.type === 'progress') progress(opts, units[current], current, m.events, m.bytes, false);
        else if (m.type === 'matches') {
          p.batches.push(m.batch);
          deliver.drain();
        } else if (m.type === 'done') {
          p.totals = m.totals;
          p.lines = m.lines;
          progress(opts, units[current], current, m.totals.events, Number.POSITIVE_INFINITY, true);
          deliver.drain();
          feed();
        } else if (m.type === 'error') fail(new Error(`hunt worker failed: ${m.message}`));
      });
      worker.on('error', fail);
      worker.on('exit', () => {
        alive--;
        if (alive === 0) {
          deliver.drain();
          resolve();
        }
      });
    }
  });
}

function progress(opts: ParallelHuntOptions, u: Unit, i: number, events: number, bytes: number, done: boolean): void {
  const start = u.range?.start ?? 0;
  const span = u.range ? u.range.end - start : Number.POSITIVE_INFINITY;
  const read = Math.min(Math.max(0, bytes - start), span);
  opts.onProgress?.({ unit: `${u.file}#${i}`, file: u.file, events, bytes: read, done });
}

/** Delivers units strictly in order, renumbering the lines of later ranges of a split file. */
class Delivery {
  #head = 0;
  #lineBase = 0;
  #sum: FileTotals | undefined;

  constructor(
    private readonly opts: ParallelHuntOptions,
    private readonly units: readonly Unit[],
    private readonly pending: Pending[],
  ) {}

  drain(): void {
    while (this.#head < this.units.length) {
      const u = this.units[this.#head];
      const p = this.pending[this.#head];
      const base = this.#lineBase;
      for (const [kind, s] of p.skips.splice(0))
        (kind === 'skip' ? this.opts.onSkip : this.opts.onWarning)(shiftSkip(s, base));
      for (const b of p.batches.splice(0))
        this.opts.onMatches(u.file, base === 0 ? b : b.map(([i, e]) => [i, shiftEvent(e, base)] as const));
      if (!p.totals) return;
      this.#sum = this.#sum ? addTotals(this.#sum, p.totals) : p.totals;
      this.#lineBase += p.lines ?? 0;
      if (u.last) {
        this.opts.onFileDone(this.#sum);
        this.#sum = undefined;
        this.#lineBase = 0;
      }
      this.#head++;
    }
  }
}

function shiftEvent(e: LogEvent, base: number): LogEvent {
  return e.origin.line === undefined ? e : { ...e, origin: { ...e.origin, line: e.origin.line + base } };
}

function shiftSkip(s: SkippedRecord, base: number): SkippedRecord {
  return s.line === undefined || base === 0 ? s : { ...s, line: s.line + base };
}

function addTotals(a: FileTotals, b: FileTotals): FileTotals {
  return {
    file: a.file,
    events: a.events + b.events,
    inRange: a.inRange + b.inRange,
    evaluated: a.evaluated + b.evaluated,
    routed: [...new Set([...a.routed, ...b.routed])].sort((x, y) => x - y),
  };
}
