/**
 * Streaming line reader: Buffer chunks (chunks.ts) split on \n (a trailing \r is dropped), never
 * holding more than one line of at most `maxLineBytes`. Longer lines are skipped and reported; invalid UTF-8 is
 * decoded with U+FFFD and reported once per file.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { readChunks } from './chunks.js';
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

/**
 * Splits a byte stream into decoded lines a whole block at a time: the complete lines of each chunk are
 * decoded with one call (ASCII and valid UTF-8 blocks) and split as a string, so no line costs a Buffer,
 * a UTF-8 check or a decoder call of its own. Same lines, numbers, offsets and reports as LineSplitter +
 * per-line decoding; a block with invalid UTF-8 falls back to exactly that.
 */
export class LineDecoder {
  #carry: Buffer[] = [];
  /** Byte offset of the stream's first byte in its file (a range of a file starts past 0). */
  readonly #base: number;
  readonly #scope: string;
  #carryLength = 0;
  #overflow = false;
  #lineNo = 1;
  /** Byte offset of the first byte not yet part of an emitted line. */
  #offset = 0;
  #warned = false;

  constructor(
    private readonly path: string,
    private readonly sink: ReadSink,
    private readonly maxLineBytes: number = MAX_LINE_BYTES,
    part: { readonly start: number; readonly scope: string } = { start: 0, scope: 'file' },
  ) {
    this.#base = part.start;
    this.#scope = part.scope;
  }

  /** Lines emitted or skipped so far. */
  get lines(): number {
    return this.#lineNo - 1;
  }

  /** Feeds one chunk; returns the lines it completed (long lines and bad UTF-8 go to the sink). */
  push(chunk: Buffer): TextLine[] {
    const out: TextLine[] = [];
    const last = chunk.lastIndexOf(0x0a);
    if (last < 0) {
      this.#keep(chunk);
      return out;
    }
    let start = 0;
    if (this.#overflow) {
      const nl = chunk.indexOf(0x0a);
      this.#tooLong(this.#carryLength + nl);
      start = nl + 1;
    }
    const head = chunk.subarray(start, last + 1);
    const block = this.#carryLength > 0 ? Buffer.concat([...this.#carry, head]) : head;
    this.#carry = [];
    this.#carryLength = 0;
    this.#block(block, out);
    this.#keep(chunk.subarray(last + 1));
    return out;
  }

  /** Ends the stream; returns the last line if it had no line break. */
  end(): TextLine[] {
    const out: TextLine[] = [];
    if (this.#overflow) this.#tooLong(this.#carryLength);
    else if (this.#carryLength > 0) this.#block(Buffer.concat([...this.#carry, NEWLINE]), out);
    this.#carry = [];
    this.#carryLength = 0;
    return out;
  }

  /** Keeps the unfinished last line: a copy, as the chunk's memory is reused for the next read. */
  #keep(rest: Buffer): void {
    if (rest.length === 0) return;
    this.#carryLength += rest.length;
    if (this.#overflow) return;
    if (this.#carryLength > this.maxLineBytes) {
      this.#overflow = true;
      this.#carry = [];
    } else this.#carry.push(Buffer.from(rest));
  }

  #tooLong(length: number): void {
    const reason = `line of ${length} bytes exceeds ${this.maxLineBytes}`;
    this.sink.skip({ file: this.path, line: this.#lineNo, offset: this.#base + this.#offset, reason });
    this.#lineNo++;
    this.#offset += length + 1;
    this.#overflow = false;
  }

  /** Emits the lines of a block of whole lines (it ends with \n). */
  #block(block: Buffer, out: TextLine[]): void {
    const ascii = isAscii(block);
    if (!ascii && !isUtf8(block)) {
      this.#slowBlock(block, out);
      return;
    }
    const text = block.toString(ascii ? 'latin1' : 'utf8');
    for (let start = 0, nl = text.indexOf('\n'); nl >= 0; start = nl + 1, nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl);
      this.#emit(line, ascii ? line.length : Buffer.byteLength(line), out);
    }
  }

  /** A block with invalid UTF-8: each line decoded on its own, the first bad one reported. */
  #slowBlock(block: Buffer, out: TextLine[]): void {
    for (let start = 0, nl = block.indexOf(0x0a); nl >= 0; start = nl + 1, nl = block.indexOf(0x0a, start)) {
      const bytes = block.subarray(start, nl);
      if (!this.#warned && bytes.length <= this.maxLineBytes && !isUtf8(bytes)) {
        this.#warned = true;
        const reason = `invalid UTF-8 replaced with U+FFFD (first here; reported once per ${this.#scope})`;
        this.sink.warn({ file: this.path, line: this.#lineNo, offset: this.#base + this.#offset, reason });
      }
      this.#emit(bytes.length <= this.maxLineBytes ? bytes.toString('utf8') : '', bytes.length, out);
    }
  }

  #emit(raw: string, bytes: number, out: TextLine[]): void {
    if (bytes > this.maxLineBytes) {
      this.#tooLong(bytes);
      return;
    }
    let text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    // A byte order mark only at the very start of the file.
    if (this.#lineNo === 1 && this.#base === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    out.push({ text, line: this.#lineNo, offset: this.#base + this.#offset });
    this.#lineNo++;
    this.#offset += bytes + 1;
  }
}

const NEWLINE = Buffer.from('\n');

/** Options of readLines. */
export interface LineOptions {
  readonly maxLineBytes?: number;
}

/** Streams the decoded lines of a file; long lines, bad UTF-8 and read errors go to `sink`. */
export async function* readLines(path: string, sink: ReadSink, opts: LineOptions = {}): AsyncGenerator<TextLine> {
  const decoder = new LineDecoder(path, sink, opts.maxLineBytes ?? MAX_LINE_BYTES);
  try {
    for await (const chunk of readChunks(path)) yield* decoder.push(chunk);
  } catch (err) {
    sink.skip({ file: path, reason: `read error: ${(err as Error).message}` });
    return;
  }
  yield* decoder.end();
}
