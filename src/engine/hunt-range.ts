/**
 * Node only: hunts one byte range of a JSON-lines file, so several workers can share one large file.
 * Consumes [start, end) aligned to line starts; produces matches in line order with line numbers relative
 * to the range (the runner adds the lines of earlier ranges). Lines are split with the sources' own
 * LineSplitter and records mapped with mapRecord, exactly as readJsonLines does for a whole file.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { LogEvent, SkippedRecord } from '../sources/event.js';
import { mapRecord, type RecordKind } from '../sources/index.js';
import { LineSplitter, type LongLine, MAX_LINE_BYTES, type RawLine } from '../sources/lines.js';
import { isSkip } from '../sources/values.js';

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
  const { kind, onSkip, onWarning } = opts;
  let lines = 0;
  const splitter = new LineSplitter(MAX_LINE_BYTES);
  let warned = false;
  const toEvent = (l: RawLine | LongLine): LogEvent | undefined => {
    lines = l.line;
    const origin = { file: path, line: l.line, offset: range.start + l.offset };
    if ('tooLong' in l) {
      onSkip({ ...origin, reason: `line of ${l.tooLong} bytes exceeds ${MAX_LINE_BYTES}` });
      return undefined;
    }
    if (!warned && !isUtf8(l.bytes)) {
      warned = true;
      onWarning({ ...origin, reason: 'invalid UTF-8 replaced with U+FFFD (first here; reported once per range)' });
    }
    let text = l.bytes.toString('utf8');
    if (range.start === 0 && l.line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    if (text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      onSkip({ ...origin, reason: `malformed JSON: ${(err as Error).message}` });
      return undefined;
    }
    const mapped = mapRecord(value, origin, {}, kind);
    if (!isSkip(mapped)) return mapped;
    onSkip({ ...origin, reason: mapped.skip });
    return undefined;
  };
  const stream = createReadStream(path, { start: range.start, end: range.end - 1, highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    for (const l of splitter.push(chunk as Buffer)) {
      const e = toEvent(l);
      if (e) yield e;
    }
  }
  for (const l of splitter.end()) {
    const e = toEvent(l);
    if (e) yield e;
  }
  opts.onLines(lines);
}
