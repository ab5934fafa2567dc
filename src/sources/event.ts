/**
 * The one event shape every log reader yields and the engine consumes: Sigma-style field names
 * (Image, CommandLine, EventID, ...) with the log source that routes it to rules.
 */

/** A field value as readers produce it. */
export type FieldValue =
  | string
  | number
  | boolean
  | null
  | readonly FieldValue[]
  | { readonly [k: string]: FieldValue };

/** Where an event was read from, for reports and for finding it again. */
export interface EventOrigin {
  readonly file: string;
  /** EVTX record id, when there is one. */
  readonly record?: number;
  /** 1-based line number for text formats. */
  readonly line?: number;
  /** Byte offset inside the file, when known. */
  readonly offset?: number;
}

/** Sigma log source keys an event belongs to (several may apply: product windows + category process_creation). */
export interface EventLogsource {
  readonly product?: string;
  readonly category?: string;
  readonly service?: string;
}

/** One log record, flattened to Sigma taxonomy field names. */
export interface LogEvent {
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly logsource: EventLogsource;
  /** Milliseconds since the epoch (UTC), when the record has a time. */
  readonly timestamp?: number;
  readonly host?: string;
  readonly origin: EventOrigin;
}

/** A record a reader could not use, reported and counted but never fatal. */
export interface SkippedRecord {
  readonly file: string;
  readonly line?: number;
  readonly offset?: number;
  readonly reason: string;
}

/** The named fields an event has, in the order named (for output and worker messages that need only some). */
export function selectFields(
  fields: Readonly<Record<string, FieldValue>>,
  names: readonly string[],
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of names) {
    const v = fields[f];
    if (v !== undefined) out[f] = v;
  }
  return out;
}
