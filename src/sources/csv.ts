/**
 * CSV with a header row (Defender XDR exports, Elastic CSV with dotted columns, generic tables), streamed with
 * csv-parse. Each row becomes an object keyed by the header and is mapped by records.ts like a JSON record.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { readChunks } from './chunks.js';
import { createDecoder } from './decode.js';
import type { LogEvent } from './event.js';
import type { JsonReadOptions } from './json.js';
import { MAX_LINE_BYTES } from './lines.js';
import { mapRecord } from './records.js';
import type { ReadSink } from './sink.js';
import { isSkip } from './values.js';

/** Decoded text chunks of a file; invalid UTF-8 is reported once to the sink. */
async function* decodedChunks(path: string, sink: ReadSink): AsyncGenerator<string> {
  const decoder = createDecoder('utf-8', () =>
    sink.warn({ file: path, reason: 'invalid UTF-8 replaced with U+FFFD (reported once per file)' }),
  );
  for await (const chunk of readChunks(path)) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** Drops empty cells so `Field: null` rules see a missing value, as with JSON exports. */
function compact(row: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) if (v !== '' && k !== '') out[k] = v;
  return out;
}

/** Streams the events of a CSV file; rows csv-parse rejects are skipped with their line. */
export async function* readCsvEvents(
  path: string,
  sink: ReadSink,
  opts: JsonReadOptions = {},
): AsyncGenerator<LogEvent> {
  const parser = parse({
    columns: true,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: opts.maxRecordBytes ?? MAX_LINE_BYTES,
    on_skip: (err) => {
      const line = typeof err?.lines === 'number' ? err.lines : undefined;
      sink.skip({ file: path, line, reason: `bad CSV record: ${err?.message ?? 'unknown error'}` });
      return undefined;
    },
  });
  const source = Readable.from(decodedChunks(path, sink));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  try {
    for await (const { info, record } of parser as AsyncIterable<{
      info: { lines: number };
      record: Record<string, string>;
    }>) {
      const origin = { file: path, line: info.lines };
      const mapped = mapRecord(compact(record), origin, opts, opts.kind);
      if (isSkip(mapped)) sink.skip({ ...origin, reason: mapped.skip });
      else yield mapped;
    }
  } catch (err) {
    sink.skip({ file: path, reason: `CSV read error: ${(err as Error).message}` });
  }
}
