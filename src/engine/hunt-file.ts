/**
 * Node only: hunts one log file with a matcher. Consumes a file path (read through sources/readEvents) and
 * produces the base-rule matches in record order, in batches, with progress. Shared by the in-process
 * runner and the worker threads of parallel.ts.
 */
import type { SkippedRecord } from '../sources/event.js';
import { type LogEvent, readEvents, type SourceFormat } from '../sources/index.js';
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
  const events = readEvents(file, { format: opts.format, onSkip: opts.onSkip, onWarning: opts.onWarning });
  return huntStream(file, events, matcher, opts);
}

/** Hunts a stream of events read from `file` (a whole file or a part of one). */
export async function huntStream(
  file: string,
  stream: AsyncIterable<LogEvent>,
  matcher: RuleMatcher,
  opts: FileHuntOptions,
): Promise<FileTotals> {
  const batchSize = opts.batchSize ?? 512;
  let batch: Match[] = [];
  let events = 0;
  let inRange = 0;
  const before = matcher.evaluated;
  const routes = new Set<string>();
  const routed = new Set<number>();
  for await (const event of stream) {
    events++;
    if (opts.onProgress && events % PROGRESS_EVERY === 0) opts.onProgress(events, event.origin.offset ?? 0);
    const key = `${event.logsource.product}|${event.logsource.category}|${event.logsource.service}`;
    if (!routes.has(key)) {
      routes.add(key);
      for (const i of matcher.routed(event)) routed.add(i);
    }
    if (!inTimeRange(event, opts.range)) continue;
    inRange++;
    for (const i of matcher.match(event)) batch.push([i, event]);
    if (batch.length >= batchSize) {
      opts.onMatches(batch);
      batch = [];
    }
  }
  if (batch.length > 0) opts.onMatches(batch);
  return { file, events, inRange, evaluated: matcher.evaluated - before, routed: [...routed].sort((a, b) => a - b) };
}
