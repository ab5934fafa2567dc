/**
 * Streaming splitter for JSON documents that are not one-per-line: a top-level array of objects, concatenated
 * objects, or one pretty-printed object. Scans bytes (JSON's structure characters are ASCII, so UTF-8 needs no
 * decoding here) and hands back each top-level object/array element's bytes with its starting line.
 */

/** One complete element's bytes, or an element that grew past the limit. */
export type JsonPiece =
  | { readonly bytes: Buffer; readonly line: number; readonly offset: number }
  | { readonly tooLong: number; readonly line: number; readonly offset: number }
  | { readonly stray: string; readonly line: number; readonly offset: number };

const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** Splits a byte stream into top-level JSON elements; one instance per file. */
export class JsonSplitter {
  private depth = 0;
  /** Depth at which elements start: 1 inside a top-level array, else 0. */
  private base = -1;
  private inString = false;
  private escaped = false;
  private line = 1;
  private position = 0;
  private start: { line: number; offset: number } | undefined;
  private parts: Buffer[] = [];
  private size = 0;
  private overflow = false;

  constructor(private readonly maxBytes: number) {}

  /** Feeds one chunk; returns the elements it completed (and stray top-level text). */
  push(chunk: Buffer): JsonPiece[] {
    const out: JsonPiece[] = [];
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = true;
        else if (b === QUOTE) this.inString = false;
        continue;
      }
      if (b === QUOTE) this.inString = true;
      else if (b === OPEN_OBJ || b === OPEN_ARR) {
        if (this.base < 0) this.base = b === OPEN_ARR ? 1 : 0;
        if (this.depth === this.base && this.start === undefined) {
          this.start = { line: this.line, offset: this.position + i };
          from = i;
        }
        this.depth++;
      } else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
        this.depth = Math.max(0, this.depth - 1);
        if (this.depth === this.base && this.start !== undefined) {
          out.push(this.complete(chunk.subarray(from, i + 1)));
        }
      } else if (this.depth === this.base && this.start === undefined && b > 0x20 && b < 0x80 && b !== 0x2c) {
        out.push({ stray: String.fromCharCode(b), line: this.line, offset: this.position + i });
      }
    }
    if (this.start !== undefined) this.keep(chunk.subarray(from));
    this.position += chunk.length;
    return out;
  }

  /** Ends the stream; an element still open is reported as truncated. */
  end(): JsonPiece[] {
    if (this.start === undefined) return [];
    const { line, offset } = this.start;
    this.start = undefined;
    return [{ stray: 'unterminated JSON value at end of file', line, offset }];
  }

  private keep(rest: Buffer): void {
    this.size += rest.length;
    if (this.overflow) return;
    if (this.size > this.maxBytes) {
      this.overflow = true;
      this.parts = [];
    } else this.parts.push(rest);
  }

  private complete(last: Buffer): JsonPiece {
    const at = this.start ?? { line: this.line, offset: this.position };
    const size = this.size + last.length;
    const piece: JsonPiece =
      this.overflow || size > this.maxBytes
        ? { tooLong: size, ...at }
        : { bytes: this.parts.length === 0 ? last : Buffer.concat([...this.parts, last]), ...at };
    this.start = undefined;
    this.parts = [];
    this.size = 0;
    this.overflow = false;
    return piece;
  }
}
