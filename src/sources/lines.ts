/**
 * Streaming line reader: Buffer chunks from fs.createReadStream split on \n (a trailing \r is dropped), never
 * holding more than one line of at most `maxLineBytes`. Longer lines are skipped and reported; invalid UTF-8 is
 * decoded with U+FFFD and reported once per file.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { ReadSink } from './sink.js';

/** Default longest line kept: 10 MiB. */
export const MAX_LINE_BYTES = 10 * 1024 * 1024;

/** One complete line's bytes (without the line break). */
export interface RawLine {
  readonly bytes: Buffer;
  /** 1-based line number. */
  readonly line: number;
  /** Byte offset of the line's first byte. */
  readonly offset: number;
}

/** A line over the limit: only its position and length are kept. */
export interface LongLine {
  readonly tooLong: number;
  readonly line: number;
  readonly offset: number;
}

/** One decoded line of text. */
export interface TextLine {
  readonly text: string;
  readonly line: number;
  readonly offset: number;
}

/** Splits a byte stream into lines chunk by chunk; state lives in the instance, one per file. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partLength = 0;
  private overflow = false;
  private lineNo = 1;
  private lineStart = 0;
  private position = 0;

  constructor(private readonly maxLineBytes: number = MAX_LINE_BYTES) {}

  /** Feeds one chunk; returns the lines it completed. */
  push(chunk: Buffer): Array<RawLine | LongLine> {
    const out: Array<RawLine | LongLine> = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      out.push(this.finish(chunk.subarray(start, nl), this.position + nl + 1));
      start = nl + 1;
    }
    this.keep(chunk.subarray(start));
    this.position += chunk.length;
    return out;
  }

  /** Ends the stream; returns the last line if it had no line break. */
  end(): Array<RawLine | LongLine> {
    if (this.partLength === 0 && !this.overflow) return [];
    return [this.finish(Buffer.alloc(0), this.position)];
  }

  /** Buffers the unfinished tail, or only counts it once the line is over the limit. */
  private keep(rest: Buffer): void {
    if (rest.length === 0) return;
    this.partLength += rest.length;
    if (this.overflow) return;
    if (this.partLength > this.maxLineBytes) {
      this.overflow = true;
      this.parts = [];
    } else this.parts.push(rest);
  }

  /** Completes the current line with its last piece and starts the next at `next`. */
  private finish(piece: Buffer, next: number): RawLine | LongLine {
    const length = this.partLength + piece.length;
    const at = { line: this.lineNo, offset: this.lineStart };
    let result: RawLine | LongLine;
    if (this.overflow || length > this.maxLineBytes) result = { tooLong: length, ...at };
    else {
      let bytes = this.parts.length === 0 ? piece : Buffer.concat([...this.parts, piece]);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      result = { bytes, ...at };
    }
    this.parts = [];
    this.partLength = 0;
    this.overflow = false;
    this.lineNo += 1;
    this.lineStart = next;
    return result;
  }
}

/** Options of readLines. */
export interface LineOptions {
  readonly maxLineBytes?: number;
}

/** Streams the decoded lines of a file; long lines, bad UTF-8 and read errors go to `sink`. */
export async function* readLines(path: string, sink: ReadSink, opts: LineOptions = {}): AsyncGenerator<TextLine> {
  const max = opts.maxLineBytes ?? MAX_LINE_BYTES;
  const splitter = new LineSplitter(max);
  let warned = false;
  const decode = (l: RawLine | LongLine): TextLine | undefined => {
    if ('tooLong' in l) {
      sink.skip({ file: path, line: l.line, offset: l.offset, reason: `line of ${l.tooLong} bytes exceeds ${max}` });
      return undefined;
    }
    if (!warned && !isUtf8(l.bytes)) {
      warned = true;
      const reason = 'invalid UTF-8 replaced with U+FFFD (first here; reported once per file)';
      sink.warn({ file: path, line: l.line, offset: l.offset, reason });
    }
    const text = l.bytes.toString('utf8');
    return { text: l.line === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text, line: l.line, offset: l.offset };
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      for (const l of splitter.push(chunk as Buffer)) {
        const t = decode(l);
        if (t !== undefined) yield t;
      }
    }
  } catch (err) {
    sink.skip({ file: path, reason: `read error: ${(err as Error).message}` });
    return;
  }
  for (const l of splitter.end()) {
    const t = decode(l);
    if (t !== undefined) yield t;
  }
}
