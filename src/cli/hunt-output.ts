/**
 * Output of `tripline hunt`: the stable record schema (docs/hunt.md) and the jsonl, json and csv writers.
 * Records are built from detections; writers only serialise them, so every format carries the same data.
 */
import type { CorrelationDetection, Detection } from '../engine/index.js';
import { fieldsOf } from '../ir/expr.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { type FieldValue, type LogEvent, selectFields } from '../sources/event.js';

/** Schema version of hunt records; bumped on any incompatible change. */
export const HUNT_SCHEMA_VERSION = 1;

/** Where an event came from, as printed in every record. */
export interface EventRef {
  readonly rule_id: string | null;
  readonly rule_title: string;
  readonly timestamp: string | null;
  readonly host: string | null;
  readonly file: string;
  readonly record: number | null;
  readonly line: number | null;
}

/** One base-rule detection. */
export interface DetectionRecord extends EventRef {
  readonly type: 'detection';
  readonly level: string | null;
  readonly tags: readonly string[];
  /** The event fields the rule reads (those present in the event). */
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/** One correlation detection. */
export interface CorrelationRecord {
  readonly type: 'correlation';
  readonly rule_id: string | null;
  readonly rule_title: string;
  readonly level: string | null;
  readonly tags: readonly string[];
  readonly correlation_type: string;
  /** Time of the last contributing event. */
  readonly timestamp: string;
  readonly first_timestamp: string;
  readonly group: Readonly<Record<string, string | null>>;
  readonly value: number;
  readonly events: readonly EventRef[];
}

/** Any record of the hunt output. */
export type HuntRecord = DetectionRecord | CorrelationRecord;

function iso(ms: number | undefined): string | null {
  return ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

function eventRef(rule: DetectionRule, e: LogEvent): EventRef {
  return {
    rule_id: rule.meta.id ?? null,
    rule_title: rule.meta.title,
    timestamp: iso(e.timestamp),
    host: e.host ?? null,
    file: e.origin.file,
    record: e.origin.record ?? null,
    line: e.origin.line ?? null,
  };
}

/** The fields a rule reads, cached per rule by the caller's map. */
export function ruleFields(rule: DetectionRule, cache: Map<DetectionRule, readonly string[]>): readonly string[] {
  let f = cache.get(rule);
  if (!f) {
    f = fieldsOf(rule.expr);
    cache.set(rule, f);
  }
  return f;
}

/** The record of a base-rule detection. */
export function detectionRecord(d: Detection, fieldNames: readonly string[]): DetectionRecord {
  return {
    type: 'detection',
    ...eventRef(d.rule, d.event),
    level: d.rule.meta.level ?? null,
    tags: d.rule.meta.tags,
    fields: selectFields(d.event.fields, fieldNames),
  };
}

/** The record of a correlation detection. */
export function correlationRecord(c: CorrelationDetection<Detection>): CorrelationRecord {
  const rule: CorrelationRule = c.correlation;
  return {
    type: 'correlation',
    rule_id: rule.meta.id ?? null,
    rule_title: rule.meta.title,
    level: rule.meta.level ?? null,
    tags: rule.meta.tags,
    correlation_type: rule.type,
    timestamp: iso(c.last) ?? '',
    first_timestamp: iso(c.first) ?? '',
    group: c.group,
    value: c.value,
    events: c.events.map((d) => eventRef(d.rule, d.event)),
  };
}

/** CSV columns, in order (docs/hunt.md). */
export const CSV_COLUMNS = [
  'type',
  'rule_id',
  'rule_title',
  'level',
  'tags',
  'timestamp',
  'host',
  'file',
  'record',
  'line',
  'fields',
] as const;

/** One CSV line (RFC 4180 quoting) for a record; nested values are JSON inside the cell. */
export function csvLine(r: HuntRecord): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], unknown> =
    r.type === 'detection'
      ? { ...r, tags: r.tags.join(' '), fields: JSON.stringify(r.fields) }
      : {
          ...r,
          tags: r.tags.join(' '),
          host: null,
          file: null,
          record: null,
          line: null,
          fields: JSON.stringify({
            correlation_type: r.correlation_type,
            group: r.group,
            value: r.value,
            events: r.events.length,
          }),
        };
  return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Output formats of hunt. */
export type HuntFormat = 'table' | 'jsonl' | 'json' | 'csv';

/** Streams machine-readable records to a text sink (jsonl, json, csv). */
export class RecordWriter {
  readonly #format: Exclude<HuntFormat, 'table'>;
  readonly #write: (text: string) => void;
  #count = 0;

  constructor(format: Exclude<HuntFormat, 'table'>, write: (text: string) => void) {
    this.#format = format;
    this.#write = write;
    if (format === 'csv') write(`${CSV_COLUMNS.join(',')}\n`);
    if (format === 'json') write(`{"version":${HUNT_SCHEMA_VERSION},"detections":[`);
  }

  /** Writes one record. */
  add(r: HuntRecord): void {
    if (this.#format === 'jsonl') this.#write(`${JSON.stringify(r)}\n`);
    else if (this.#format === 'csv') this.#write(`${csvLine(r)}\n`);
    else this.#write(`${this.#count > 0 ? ',' : ''}\n${JSON.stringify(r)}`);
    this.#count++;
  }

  /** Ends the output; json gets the summary object. */
  end(summary: unknown): void {
    if (this.#format === 'json') this.#write(`\n],"summary":${JSON.stringify(summary)}}\n`);
  }
}
