/**
 * Node only: hunts one byte range of a JSON-lines file, so several workers can share one large file.
 * Consumes [start, end) aligned to line starts; produces events in line order with line numbers relative
 * to the range (the runner adds the lines of earlier ranges). Lines are decoded and records mapped by the
 * very code that reads a whole file (LineDecoder and lineEvents), so a range reads like its part of the file.
 */
import { open } from 'node:fs/promises';
import { readChunks } from '../sources/chunks.js';
import type { LogEvent, SkippedRecord } from '../sources/event.js';
import type { RecordKind } from '../sources/index.js';
import { lineEvents } from '../sources/json.js';
import { LineDecoder, MAX_LINE_BYTES } from '../sources/lines.js';

/** A byte range of a file, aligned to line starts. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** Splits a file of `size` bytes into ranges of about `chunk` bytes, each starting right after a newline. */
export async function lineRanges(path: string, size: number, chunk: number): Promise<ByteRange[]> {
  const cuts = [0];
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    for (let p = chunk; p < size; p += chunk) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, p);
      const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
      const cut = nl < 0 ? -1 : p + nl + 1;
      if (cut > cuts[cuts.length - 1] && cut < size) cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  return cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? size }));
}

/** How a range is read and where its problems go (line numbers relative to the range). */
export interface RangeReadOptions {
  readonly kind?: RecordKind;
  readonly onSkip: (s: SkippedRecord) => void;
  readonly onWarning: (s: SkippedRecord) => void;
  /** Receives the number of lines in the range once it is read. */
  readonly onLines: (lines: number) => void;
}

/** Reads the events of one range. */
export async function* readRangeEvents(
  path: string,
  range: ByteRange,
  opts: RangeReadOptions,
): AsyncGenerator<LogEvent> {
  for await (const batch of readRangeBatches(path, range, opts)) yield* batch;
}

/** readRangeEvents a read chunk at a time: one await per chunk; each batch parses its lines as iterated. */
export async function* readRangeBatches(
  path: string,
  range: ByteRange,
  opts: RangeReadOptions,
): AsyncGenerator<Iterable<LogEvent>> {
  const sink = { skip: opts.onSkip, warn: opts.onWarning };
  const decoder = new LineDecoder(path, sink, MAX_LINE_BYTES, { start: range.start, scope: 'range' });
  const read = { kind: opts.kind };
  for await (const chunk of readChunks(path, range)) {
    const lines = decoder.push(chunk);
    if (lines.length > 0) yield lineEvents(lines, path, sink, read);
  }
  yield lineEvents(decoder.end(), path, sink, read);
  opts.onLines(decoder.lines);
}
