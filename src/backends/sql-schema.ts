/**
 * The normalised tripline event table (docs/sql-schema.md). Consumes `LogEvent`s; produces rows for one
 * wide table `events`: meta columns (ts, product, category, service, host, source_file, record), one text
 * column per common Sigma taxonomy field, and `fields`, a JSON object holding every field. Pure data and
 * functions: the DDL per dialect lives in each dialect's table (sql-duckdb.ts, ...).
 */
import type { FieldValue, LogEvent } from '../sources/event.js';

/** The table the `tripline` pipeline points the SQL targets at. */
export const EVENTS_TABLE = 'events';

/** Meta columns the log source scope and correlations read, in table order (ts and record are typed). */
export const META_COLUMNS = ['ts', 'product', 'category', 'service', 'host', 'source_file', 'record'] as const;

/**
 * Sigma taxonomy fields with their own text column. Names are unique case-insensitively and never clash
 * with a meta column (DuckDB and SQLite fold identifier case), which is why `Product` and `Category` stay
 * in `fields` only.
 */
export const TYPED_COLUMNS: readonly string[] = Object.freeze([
  'EventID',
  'Channel',
  'Provider_Name',
  'Computer',
  'Image',
  'CommandLine',
  'ParentImage',
  'ParentCommandLine',
  'OriginalFileName',
  'CurrentDirectory',
  'User',
  'ParentUser',
  'IntegrityLevel',
  'Hashes',
  'Company',
  'Description',
  'ProcessId',
  'ParentProcessId',
  'TargetFilename',
  'ImageLoaded',
  'Signed',
  'Signature',
  'TargetImage',
  'SourceImage',
  'GrantedAccess',
  'CallTrace',
  'DestinationIp',
  'DestinationPort',
  'DestinationHostname',
  'SourceIp',
  'SourcePort',
  'Protocol',
  'Initiated',
  'QueryName',
  'QueryResults',
  'TargetObject',
  'Details',
  'EventType',
  'PipeName',
  'ServiceName',
  'ServiceFileName',
  'ImagePath',
  'ScriptBlockText',
  'TargetUserName',
  'SubjectUserName',
  'LogonType',
  'IpAddress',
  'WorkstationName',
  'ObjectName',
  'ShareName',
  'AccessMask',
]);

const TYPED = new Set(TYPED_COLUMNS);
const META = new Set<string>(['product', 'category', 'service']);

/** True when a (target) field name has its own column; everything else is read from `fields`. */
export function hasColumn(field: string): boolean {
  return TYPED.has(field) || META.has(field);
}

/** One row of the events table: meta columns, typed columns (text or null) and the JSON text of `fields`. */
export interface EventRow {
  readonly ts: string | null;
  readonly product: string | null;
  readonly category: string | null;
  readonly service: string | null;
  readonly host: string | null;
  readonly source_file: string;
  readonly record: number | null;
  readonly columns: Readonly<Record<string, string | null>>;
  readonly fields: string;
}

/**
 * The text form of a field value, as every SQL target compares it: strings as they are, numbers and
 * booleans in their JSON form, lists and objects as JSON text, null as null.
 */
export function fieldText(v: FieldValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Rows for the events table. Scalars in `fields` are stored as text so every dialect extracts them alike. */
export function eventsToRows(events: readonly LogEvent[]): EventRow[] {
  return events.map((e) => {
    const columns: Record<string, string | null> = {};
    for (const c of TYPED_COLUMNS) columns[c] = fieldText(e.fields[c]);
    const json: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(e.fields)) json[k] = v === null || typeof v === 'object' ? v : String(v);
    return Object.freeze({
      ts: e.timestamp === undefined ? null : new Date(e.timestamp).toISOString(),
      product: e.logsource.product ?? null,
      category: e.logsource.category ?? null,
      service: e.logsource.service ?? null,
      host: e.host ?? null,
      source_file: e.origin.file,
      record: e.origin.record ?? e.origin.line ?? null,
      columns: Object.freeze(columns),
      fields: JSON.stringify(json),
    });
  });
}

/** Column names of the events table in order (the DDL and insert statements use this order). */
export function eventColumns(): string[] {
  return [...META_COLUMNS, ...TYPED_COLUMNS, 'fields'];
}

/** The values of a row in `eventColumns()` order. */
export function rowValues(row: EventRow): (string | number | null)[] {
  return [
    row.ts,
    row.product,
    row.category,
    row.service,
    row.host,
    row.source_file,
    row.record,
    ...TYPED_COLUMNS.map((c) => row.columns[c] ?? null),
    row.fields,
  ];
}
