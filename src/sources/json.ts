/**
 * JSON inputs: JSON lines (one record per line, read with lines.ts) and JSON documents (a top-level array,
 * concatenated or pretty-printed objects, split with json-split.ts). Each record is mapped by records.ts,
 * which recognises evtx_dump, Winlogbeat, ECS, Defender XDR, flat Sysmon and generic shapes.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { readChunks } from './chunks.js';
import type { EventOrigin, LogEvent } from './event.js';
import { JsonSplitter } from './json-split.js';
import { LineDecoder, MAX_LINE_BYTES, type TextLine } from './lines.js';
import { mapRecord, type RecordKind, type RecordOptions } from './records.js';
import type { ReadSink } from './sink.js';
import { isSkip } from './values.js';

/** Options of the JSON readers. */
export interface JsonReadOptions extends RecordOptions {
  /** Force one record shape instead of recognising each record. */
  readonly kind?: RecordKind;
  /** Longest line (JSONL) or element (JSON document) kept; default 10 MiB. */
  readonly maxRecordBytes?: number;
}

/** Parses and maps one record's text; problems go to the sink with the record's position. */
function toEvent(text: string, origin: EventOrigin, sink: ReadSink, opts: JsonReadOptions): LogEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    sink.skip({ ...origin, reason: `malformed JSON: ${(err as Error).message}` });
    return undefined;
  }
  const mapped = mapRecord(value, origin, opts, opts.kind);
  if (!isSkip(mapped)) return mapped;
  sink.skip({ ...origin, reason: mapped.skip });
  return undefined;
}

/** Streams events from a JSON-lines file; blank lines are ignored, bad lines skipped with their number. */
export async function* readJsonLines(
  path: string,
  sink: ReadSink,
  opts: JsonReadOptions = {},
): AsyncGenerator<LogEvent> {
  for await (const batch of readJsonLineBatches(path, sink, opts)) yield* batch;
}

/**
 * readJsonLines a read chunk at a time: one await per chunk, not one per event. Each batch parses its lines
 * only as it is iterated, so an event is garbage as soon as it has been used (a chunk's worth of parsed
 * events held at once would outlive the young generation and cost full garbage collections).
 */
export async function* readJsonLineBatches(
  path: string,
  sink: ReadSink,
  opts: JsonReadOptions = {},
): AsyncGenerator<Iterable<LogEvent>> {
  const decoder = new LineDecoder(path, sink, opts.maxRecordBytes ?? MAX_LINE_BYTES);
  try {
    for await (const chunk of readChunks(path)) {
      const lines = decoder.push(chunk);
      if (lines.length > 0) yield lineEvents(lines, path, sink, opts);
    }
  } catch (err) {
    sink.skip({ file: path, reason: `read error: ${(err as Error).message}` });
    return;
  }
  yield lineEvents(decoder.end(), path, sink, opts);
}

/** The events of decoded JSON lines, parsed as iterated (blank lines give nothing; bad ones go to the sink). */
export function* lineEvents(
  lines: readonly TextLine[],
  path: string,
  sink: ReadSink,
  opts: JsonReadOptions,
): Generator<LogEvent> {
  for (let i = 0; i < lines.length; i++) {
    const event = lineEvent(lines[i], path, sink, opts);
    if (event !== undefined) yield event;
  }
}

/** One JSON line to an event (blank lines give nothing). */
function lineEvent(l: TextLine, path: string, sink: ReadSink, opts: JsonReadOptions): LogEvent | undefined {
  const t = l.text;
  // Skip the trim() unless the line could be blank: JSON records start with `{`.
  if (t.charCodeAt(0) !== 123 && t.trim() === '') return undefined;
  return toEvent(t, { file: path, line: l.line, offset: l.offset }, sink, opts);
}

/** Streams events from a JSON document: array elements or top-level objects, one record each. */
export async function* readJsonDocument(
  path: string,
  sink: ReadSink,
  opts: JsonReadOptions = {},
): AsyncGenerator<LogEvent> {
  const max = opts.maxRecordBytes ?? MAX_LINE_BYTES;
  const splitter = new JsonSplitter(max);
  let strayReported = false;
  let utf8Reported = false;
  function* handle(pieces: ReturnType<JsonSplitter['push']>): Generator<LogEvent> {
    for (const p of pieces) {
      const origin = { file: path, line: p.line, offset: p.offset };
      if ('tooLong' in p) sink.skip({ ...origin, reason: `JSON value of ${p.tooLong} bytes exceeds ${max}` });
      else if ('stray' in p) {
        if (!strayReported) sink.skip({ ...origin, reason: `not a JSON object: ${p.stray} (reported once per file)` });
        strayReported = true;
      } else {
        if (!utf8Reported && !isUtf8(p.bytes)) {
          utf8Reported = true;
          sink.warn({ ...origin, reason: 'invalid UTF-8 replaced with U+FFFD (first here; reported once per file)' });
        }
        const event = toEvent(p.bytes.toString('utf8'), origin, sink, opts);
        if (event !== undefined) yield event;
      }
    }
  }
  try {
    // Not readChunks: the splitter keeps views of a chunk's bytes for values that span chunks.
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
      yield* handle(splitter.push(chunk as Buffer));
  } catch (err) {
    sink.skip({ file: path, reason: `read error: ${(err as Error).message}` });
    return;
  }
  yield* handle(splitter.end());
}
