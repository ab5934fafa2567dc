/** Messages between the parallel hunt runner and its worker threads, and the slim rule form workers get. */
import type { Expr, Logsource } from '../ir/types.js';
import { type LogEvent, type SkippedRecord, selectFields } from '../sources/event.js';
import type { RecordKind, SourceFormat } from '../sources/index.js';
import type { TimeRange } from './hunt.js';
import type { FileTotals, Match } from './hunt-file.js';
import type { ByteRange } from './hunt-range.js';

/**
 * The part of a detection rule a worker matches with: its log source and its tree without source spans
 * (metadata, origin and spans stay in the main thread, which reports and prints; a copy per worker of
 * them would only cost memory).
 */
export interface WorkerRule {
  readonly logsource: Logsource;
  readonly expr: Expr;
  /** The only fields of a matched event to send back (absent: the whole event). */
  readonly keep?: readonly string[];
}

/**
 * What every worker needs: the rules the main thread compiled, in order (plain data, structured-cloned
 * once per worker; workers compile them again and indices agree), the time range and format.
 */
export interface WorkerSetup {
  readonly rules: readonly WorkerRule[];
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

/** The worker form of a rule: log source and tree, spans left out; `keep` as in WorkerRule. */
export function workerRule(
  rule: { readonly logsource: Logsource; readonly expr: Expr },
  keep?: readonly string[],
): WorkerRule {
  const slim = { logsource: rule.logsource, expr: withoutSpans(rule.expr) };
  return keep ? { ...slim, keep } : slim;
}

/** A matched event as a worker sends it: only the `keep` fields, when the rule names them. */
export function sentEvent(event: LogEvent, keep: readonly string[] | undefined): LogEvent {
  return keep ? { ...event, fields: selectFields(event.fields, keep) } : event;
}

function withoutSpans(e: Expr): Expr {
  switch (e.kind) {
    case 'and':
    case 'or':
      return { kind: e.kind, children: e.children.map(withoutSpans) };
    case 'not':
      return { kind: 'not', child: withoutSpans(e.child) };
    default: {
      if (!('span' in e)) return e;
      const { span: _span, ...rest } = e;
      return rest as Expr;
    }
  }
}
