/**
 * Log sources. Consumes input paths (files or folders) and produces LogEvents (sources/event.ts): one reader per
 * format, chosen by content (detect.ts) or by a `--source` name; every record a reader cannot use is reported
 * through `onSkip` with file and line/offset, and reading goes on.
 */
import { open } from 'node:fs/promises';
import { readAuditdEvents } from './auditd.js';
import { readCsvEvents } from './csv.js';
import type { TextEncoding } from './decode.js';
import { type ContainerFormat, DETECT_BYTES, detectFormat, type SourceFormat } from './detect.js';
import type { EventLogsource, LogEvent, SkippedRecord } from './event.js';
import { readEvtxEventBatches } from './evtx-adapter.js';
import { type JsonReadOptions, readJsonDocument, readJsonLineBatches } from './json.js';
import type { RecordKind } from './records.js';
import { makeSink, type ReadSink } from './sink.js';
import { readXmlEvents } from './xml.js';

export type { ContainerFormat, Detection, SourceFormat } from './detect.js';
export { detectFormat, isSourceFormat, SOURCE_FORMATS } from './detect.js';
export type { EventLogsource, EventOrigin, FieldValue, LogEvent, SkippedRecord } from './event.js';
export { expandInputs } from './inputs.js';
export { classifyRecord, mapRecord, type RecordKind } from './records.js';
export { mapEvtxJson } from './windows.js';
export { CATEGORY_PARENTS, eventCategories } from './windows-tables.js';

/** Options of readEvents. */
export interface ReadOptions {
  /** A `--source` name; without it the format is detected from the content. */
  readonly format?: SourceFormat;
  /** Called for every record or file that was not read. */
  readonly onSkip?: (s: SkippedRecord) => void;
  /** Called for repairs (invalid UTF-8 replaced, EVTX CRC mismatch); defaults to onSkip. */
  readonly onWarning?: (s: SkippedRecord) => void;
  /** Log source for generic JSON/CSV records (which carry none of their own). */
  readonly logsource?: EventLogsource;
  /** Longest line / JSON value / CSV record kept (default 10 MiB). */
  readonly maxRecordBytes?: number;
}

/** The record shape each `--source` record-kind name forces. */
const FORCED_KINDS: Partial<Record<SourceFormat, RecordKind>> = {
  ecs: 'ecs',
  mde: 'mde',
  'sysmon-json': 'sysmon-json',
  'evtx-json': 'evtx-json',
};

type Reader = (
  path: string,
  sink: ReadSink,
  opts: JsonReadOptions,
  encoding: TextEncoding,
) => AsyncIterable<Iterable<LogEvent>>;

/**
 * One reader per container format (exhaustive: a new format makes the compiler ask for its reader). The
 * busy formats (EVTX, JSON lines) yield a read chunk's events at once; the others one event per batch.
 */
const READERS: Readonly<Record<ContainerFormat, Reader>> = {
  evtx: (path, sink) => readEvtxEventBatches(path, sink),
  xml: (path, sink, _opts, encoding) => single(readXmlEvents(path, sink, encoding)),
  json: (path, sink, opts) => single(readJsonDocument(path, sink, opts)),
  jsonl: readJsonLineBatches,
  csv: (path, sink, opts) => single(readCsvEvents(path, sink, opts)),
  auditd: (path, sink, opts) => single(readAuditdEvents(path, sink, { maxLineBytes: opts.maxRecordBytes })),
};

/** Batches of one event each, for readers that stream event by event. */
async function* single(events: AsyncIterable<LogEvent>): AsyncGenerator<Iterable<LogEvent>> {
  for await (const e of events) yield [e];
}

/** Reads up to DETECT_BYTES from the start of a file. */
async function firstBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(DETECT_BYTES);
    const { bytesRead } = await handle.read(buf, 0, DETECT_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Picks the reader: the override if it names a file format, else detection; record-kind overrides keep detection. */
function choose(path: string, head: Buffer, format: SourceFormat | undefined, sink: ReadSink) {
  const forced = format === undefined ? undefined : FORCED_KINDS[format];
  if (format !== undefined && forced === undefined)
    return { format: format as ContainerFormat, encoding: 'utf-8' as const, kind: undefined };
  const found = detectFormat(path, head);
  if (found.format === 'empty') sink.skip({ file: path, reason: 'empty file' });
  else if (found.format === 'unknown') sink.skip({ file: path, reason: found.reason });
  else if (forced === undefined || found.format === 'json' || found.format === 'jsonl' || found.format === 'csv') {
    return { format: found.format, encoding: found.encoding, kind: forced };
  } else sink.skip({ file: path, reason: `--source ${format} reads JSON, JSON lines or CSV, not ${found.format}` });
  return undefined;
}

/** Streams the events of one file, detecting its format unless `opts.format` names one. */
export async function* readEvents(path: string, opts: ReadOptions = {}): AsyncGenerator<LogEvent> {
  for await (const batch of readEventBatches(path, opts)) yield* batch;
}

/**
 * readEvents in batches (a read chunk's events at a time for EVTX and JSON lines): one await per batch. A
 * batch reads its records as it is iterated; iterate each batch fully before asking for the next one.
 */
export async function* readEventBatches(path: string, opts: ReadOptions = {}): AsyncGenerator<Iterable<LogEvent>> {
  const sink = makeSink(opts.onSkip, opts.onWarning);
  let head: Buffer;
  try {
    head = await firstBytes(path);
  } catch (err) {
    sink.skip({ file: path, reason: `cannot read: ${(err as Error).message}` });
    return;
  }
  const chosen = choose(path, head, opts.format, sink);
  if (chosen === undefined) return;
  const readerOpts: JsonReadOptions = {
    kind: chosen.kind,
    logsource: opts.logsource,
    maxRecordBytes: opts.maxRecordBytes,
  };
  yield* READERS[chosen.format](path, sink, readerOpts, chosen.encoding);
}
