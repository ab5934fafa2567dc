/** Messages between the parallel hunt runner and its worker threads (types only, no runtime code). */
import type { DetectionRule } from '../ir/types.js';
import type { SkippedRecord } from '../sources/event.js';
import type { RecordKind, SourceFormat } from '../sources/index.js';
import type { TimeRange } from './hunt.js';
import type { FileTotals, Match } from './hunt-file.js';
import type { ByteRange } from './hunt-range.js';

/**
 * What every worker needs: the IR of the rules the main thread compiled, in order (plain frozen data, so
 * structured-cloned cheaply; workers compile them again and indices agree), the time range and format.
 */
export interface WorkerSetup {
  readonly rules: readonly DetectionRule[];
  readonly range: TimeRange;
  readonly format?: SourceFormat;
}

/** A message to a worker: hunt this file, or this line-aligned range of a JSON-lines file. */
export interface ToWorker {
  readonly type: 'unit';
  readonly file: string;
  readonly range?: ByteRange;
  readonly kind?: RecordKind;
}

/** A message from a worker. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'skip' | 'warning'; readonly record: SkippedRecord }
  | { readonly type: 'progress'; readonly events: number; readonly bytes: number }
  | { readonly type: 'matches'; readonly batch: Match[] }
  | { readonly type: 'done'; readonly totals: FileTotals; readonly lines?: number }
  | { readonly type: 'error'; readonly message: string };
