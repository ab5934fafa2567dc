/** Shared shapes of the EVTX reader and writer: the evtx_dump-style JSON, records, problems and options. */

/** A JSON value as an EVTX record renders it (evtx_dump / Chainsaw / Hayabusa shape). */
export type EvtxValue = string | number | boolean | null | EvtxValue[] | EvtxObject;

/** An element rendered to JSON: child elements by name, `#attributes` and `#text`. */
export interface EvtxObject {
  [key: string]: EvtxValue;
}

/** One event as evtx_dump renders it: `{ Event: { '#attributes', System, EventData | UserData } }`. */
export interface EvtxJson {
  Event: EvtxObject;
}

/** One parsed record: id and written time from the record header, and the rendered event. */
export interface EvtxRecord {
  readonly recordId: number;
  /** Milliseconds since the epoch (UTC) of the record header's written time. */
  readonly timestamp: number;
  readonly event: EvtxJson;
}

/** Something wrong in the input; the damaged part is skipped and reading goes on. */
export interface EvtxProblem {
  readonly file?: string;
  /** Byte offset inside the file where the damage was seen. */
  readonly offset: number;
  /** Index of the 64 KiB chunk, or -1 for the file header. */
  readonly chunk: number;
  /** `error` when data was skipped, `warning` when it was read anyway. */
  readonly severity: 'error' | 'warning';
  readonly reason: string;
}

/** Receives problems as they are found. */
export type ProblemSink = (problem: EvtxProblem) => void;

/** Options for the readers. */
export interface EvtxReadOptions {
  /** Check header and data CRC32s (default true). A bad chunk header CRC skips the chunk. */
  readonly verifyCrc?: boolean;
  /** File name put on each problem. */
  readonly file?: string;
}
