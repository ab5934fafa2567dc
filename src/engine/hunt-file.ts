/**
 * Node only: hunts one log file with a matcher. Consumes a file path (read through sources/readEventBatches) and
 * produces the base-rule matches in record order, in batches, with progress. Shared by the in-process
 * runner and the worker threads of parallel.ts.
 */
import type { SkippedRecord } from '../sources/event.js';
import { type LogEvent, readEventBatches, type SourceFormat } from '../sources/index.js';
import { inTimeRange, type TimeRange } from './hunt.js';
import type { RuleMatcher } from './matcher.js';

/** One base-rule match: the rule's index in the prepared rule list and the event. */
export type Match = readonly [ruleIndex: number, event: LogEvent];

/** Totals of one file. */
export interface FileTotals {
  readonly file: string;
  readonly events: number;
  readonly inRange: number;
  readonly evaluated: number;
  /** Indices of rules that saw at least one event of this file (their log source occurred). */
  readonly routed: readonly number[];
}

/** How to hunt one file and where its output goes. */
export interface FileHuntOptions {
  readonly range: TimeRange;
  readonly format?: SourceFormat;
  readonly onSkip: (s: SkippedRecord) => void;
  readonly onWarning: (s: SkippedRecord) => void;
  /** Receives matches in record order; batches are flushed every `batchSize` matches and at the end. */
  readonly onMatches: (batch: Match[]) => void;
  /** Progress: events read and bytes reached in this file so far. */
  readonly onProgress?: (events: number, bytes: number) => void;
  readonly batchSize?: number;
}

const PROGRESS_EVERY = 4096;

/** Hunts one file; never throws for bad input (unreadable records are reported through onSkip). */
export function huntFile(file: string, matcher: RuleMatcher, opts: FileHuntOptions): Promise<FileTotals> {
  const batches = readEventBatches(file, { format: opts.format, onSkip: opts.onSkip, onWarning: opts.onWarning });
  return huntStream(file, batches, matcher, opts);
}

/** Hunts a stream of event batches read from `file` (a whole file or a part of one). */
export async function huntStream(
  file: string,
  stream: AsyncIterable<Iterable<LogEvent>>,
  matcher: RuleMatcher,
  opts: FileHuntOptions,
): Promise<FileTotals> {
  const run = new FileRun(matcher, opts);
  for await (const events of stream) for (const event of events) run.event(event);
  return run.finish(file);
}

/** The running state of one file's hunt: counts, routed rules, and the batch of matches not yet sent. */
class FileRun {
  #batch: Match[] = [];
  #events = 0;
  #inRange = 0;
  readonly #before: number;
  readonly #routes = new Set<object>();
  readonly #routed = new Set<number>();
  readonly #batchSize: number;

  constructor(
    private readonly matcher: RuleMatcher,
    private readonly opts: FileHuntOptions,
  ) {
    this.#before = matcher.evaluated;
    this.#batchSize = opts.batchSize ?? 512;
  }

  event(event: LogEvent): void {
    const opts = this.opts;
    this.#events++;
    if (opts.onProgress && this.#events % PROGRESS_EVERY === 0) opts.onProgress(this.#events, event.origin.offset ?? 0);
    const route = this.matcher.routeOf(event);
    if (!this.#routes.has(route)) {
      this.#routes.add(route);
      for (const i of this.matcher.routed(event)) this.#routed.add(i);
    }
    if (!inTimeRange(event, opts.range)) return;
    this.#inRange++;
    const hits = this.matcher.match(event);
    for (let i = 0; i < hits.length; i++) this.#batch.push([hits[i], event]);
    if (this.#batch.length >= this.#batchSize) {
      opts.onMatches(this.#batch);
      this.#batch = [];
    }
  }

  finish(file: string): FileTotals {
    if (this.#batch.length > 0) this.opts.onMatches(this.#batch);
    this.#batch = [];
    const routed = [...this.#routed].sort((a, b) => a - b);
    const evaluated = this.matcher.evaluated - this.#before;
    return { file, events: this.#events, inRange: this.#inRange, evaluated, routed };
  }
}
