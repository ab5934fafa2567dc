/** One 64 KiB chunk: header checks (magic, CRC32s) and its records ("**\0\0", size, id, time, BinXML). */

import { BinXmlError, ChunkParser } from './binxml.js';
import { crc32 } from './crc32.js';
import { CHUNK_HEADER_SIZE, CHUNK_SIZE } from './header.js';
import { renderEvent } from './render.js';
import type { TemplateCache } from './templates.js';
import { filetimeToMs } from './text.js';
import type { EvtxRecord, ProblemSink } from './types.js';
import { byteView } from './values.js';

const CHUNK_MAGIC = Buffer.from('ElfChnk\0', 'latin1');
const ZEROS = Buffer.alloc(CHUNK_SIZE);
const RECORD_MAGIC = Buffer.from([0x2a, 0x2a, 0x00, 0x00]);
/** Smallest record: 24-byte header, an end-of-stream token padded, and the trailing size copy. */
const MIN_RECORD = 28;

/** Where a chunk sits and how to report about it. */
export interface ChunkContext {
  readonly index: number;
  /** Byte offset of the chunk inside the file. */
  readonly fileOffset: number;
  readonly verifyCrc: boolean;
  /** True when the file header says this chunk is in use (an all-zero chunk past that is just free space). */
  readonly expected: boolean;
  readonly file?: string;
  readonly report: ProblemSink;
  /** Templates compiled by earlier chunks of the same file, reused when a chunk defines them again. */
  readonly templates?: TemplateCache;
}

/** Parses the records of one chunk (`bytes` may be shorter than 64 KiB when the file is truncated). */
export function* readChunk(bytes: Uint8Array, ctx: ChunkContext): Generator<EvtxRecord> {
  const problem = (at: number, severity: 'error' | 'warning', reason: string) =>
    ctx.report({ file: ctx.file, offset: ctx.fileOffset + at, chunk: ctx.index, severity, reason });
  const src = byteView(bytes);
  const { buf, view } = src;
  if (buf.length < CHUNK_HEADER_SIZE || !buf.subarray(0, 8).equals(CHUNK_MAGIC)) {
    if (ctx.expected || !isZero(buf)) problem(0, 'error', describeBadChunk(buf));
    return;
  }
  if (ctx.verifyCrc && crc32(buf, 128, 512, crc32(buf, 0, 120)) !== view.getUint32(124, true)) {
    problem(124, 'error', 'chunk header CRC32 mismatch; chunk skipped');
    return;
  }
  if (buf.length < CHUNK_SIZE) problem(buf.length, 'warning', `truncated chunk (${buf.length} bytes)`);
  let limit = view.getUint32(48, true); // free space offset: records end here
  if (limit < CHUNK_HEADER_SIZE || limit > buf.length) {
    problem(48, 'warning', `free space offset ${limit} out of range; reading to the end of the chunk`);
    limit = buf.length;
  } else if (ctx.verifyCrc && crc32(buf, CHUNK_HEADER_SIZE, limit) !== view.getUint32(52, true)) {
    problem(52, 'warning', 'event records CRC32 mismatch; records read anyway');
  }
  const parser = new ChunkParser(src, ctx.templates ?? null);
  let off = CHUNK_HEADER_SIZE;
  while (off + MIN_RECORD <= limit) {
    const size = view.getUint32(off + 4, true);
    const bad = recordDefect(buf, view, off, size);
    if (bad !== null) {
      problem(off, 'error', bad);
      const next = buf.indexOf(RECORD_MAGIC, off + 1);
      if (next < 0 || next >= limit) return;
      off = next;
      continue;
    }
    const record = parseRecord(parser, view, off, size, (reason) => problem(off, 'error', reason));
    if (record !== null) yield record;
    off += size;
  }
}

/** Why the record header at `off` cannot be trusted, or null when it looks sound. */
function recordDefect(buf: Buffer, view: DataView, off: number, size: number): string | null {
  if (view.getUint32(off, true) !== 0x2a2a) return 'bad record signature; resyncing on the next one';
  if (size < MIN_RECORD || off + size > buf.length) return `record size ${size} out of range`;
  if (view.getUint32(off + size - 4, true) !== size) return 'record size and its trailing copy differ';
  return null;
}

function parseRecord(
  parser: ChunkParser,
  view: DataView,
  off: number,
  size: number,
  fail: (reason: string) => void,
): EvtxRecord | null {
  try {
    const nodes = parser.parseRecord(off + 24, off + size - 4);
    return { recordId: readU64(view, off + 8), timestamp: filetimeToMs(view, off + 16), event: renderEvent(nodes) };
  } catch (err) {
    // BinXmlError is the parser's own; a RangeError means a read ran past the chunk.
    const what = err instanceof BinXmlError || err instanceof RangeError ? err.message : String(err);
    fail(`bad record BinXML: ${what}`);
    return null;
  }
}

function readU64(view: DataView, off: number): number {
  return view.getUint32(off + 4, true) * 4_294_967_296 + view.getUint32(off, true);
}

function describeBadChunk(buf: Buffer): string {
  if (buf.length < CHUNK_HEADER_SIZE) return `truncated chunk (${buf.length} bytes)`;
  return isZero(buf) ? 'chunk is all zeros' : 'bad chunk signature; chunk skipped';
}

/** True when every byte is zero (a native compare: free space in files is often many empty chunks). */
function isZero(buf: Buffer): boolean {
  return buf.equals(ZEROS.subarray(0, buf.length));
}
