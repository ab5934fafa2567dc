/** EVTX writer: evtx_dump-style JSON records -> a valid .evtx file (headers, CRCs, string/template tables). */

import { crc32 } from './crc32.js';
import { CHUNK_HEADER_SIZE, CHUNK_SIZE, FILE_HEADER_SIZE } from './header.js';
import type { EvtxJson, EvtxValue, ProblemSink } from './types.js';
import { ByteWriter, type ChunkDefs, nameHash, writeRecordBinXml } from './writer-binxml.js';
import { toElements } from './writer-tree.js';
import { isoToFiletime, msToFiletime } from './writer-values.js';

/** One event to write; the record id defaults to its 1-based position, the time to System/TimeCreated. */
export interface WritableRecord {
  readonly event: EvtxJson;
  readonly recordId?: number;
  /** Written time, ms since the epoch. */
  readonly timestamp?: number;
}

/** A chunk being filled. */
interface OpenChunk {
  readonly bytes: Uint8Array;
  readonly defs: ChunkDefs;
  used: number;
  firstId: number;
  lastId: number;
  lastOffset: number;
}

/** Writes records (or bare events) into an EVTX file; a record too big for a chunk is reported and left out. */
export function writeEvtx(records: readonly (WritableRecord | EvtxJson)[], onProblem?: ProblemSink): Uint8Array {
  const chunks: OpenChunk[] = [];
  let chunk = newChunk();
  records.forEach((item, index) => {
    const rec: WritableRecord = 'Event' in item ? { event: item } : item;
    const id = rec.recordId ?? index + 1;
    let bytes = encodeRecord(rec, id, chunk);
    if (bytes.length > CHUNK_SIZE - chunk.used && chunk.used > CHUNK_HEADER_SIZE) {
      chunks.push(chunk);
      chunk = newChunk(); // names and templates are per chunk, so encode again against the fresh one
      bytes = encodeRecord(rec, id, chunk);
    }
    if (bytes.length > CHUNK_SIZE - chunk.used) {
      onProblem?.({ offset: 0, chunk: chunks.length, severity: 'error', reason: `record ${id} too big for a chunk` });
      chunk = newChunk(); // drop the names and templates the failed encoding registered
      return;
    }
    if (chunk.used === CHUNK_HEADER_SIZE) chunk.firstId = id;
    chunk.bytes.set(bytes, chunk.used);
    chunk.lastOffset = chunk.used;
    chunk.lastId = id;
    chunk.used += bytes.length;
  });
  if (chunk.used > CHUNK_HEADER_SIZE || chunks.length === 0) chunks.push(chunk);
  return assembleFile(chunks);
}

function newChunk(): OpenChunk {
  const defs: ChunkDefs = { names: new Map(), templates: new Map() };
  return { bytes: new Uint8Array(CHUNK_SIZE), defs, used: CHUNK_HEADER_SIZE, firstId: 0, lastId: 0, lastOffset: 0 };
}

/** Record header, BinXML, padding to 8 bytes and the trailing size copy. */
function encodeRecord(rec: WritableRecord, id: number, chunk: OpenChunk): Uint8Array {
  const w = new ByteWriter(chunk.used);
  w.u32(0x2a2a);
  const sizeAt = w.u32(0);
  w.u64(BigInt(id));
  w.u64(writtenTime(rec));
  const [root] = toElements('Event', rec.event.Event ?? null, '');
  writeRecordBinXml(w, root, chunk.defs);
  while ((w.length + 4) % 8 !== 0) w.u8(0);
  w.u32(0);
  w.patch32(sizeAt, w.length);
  w.patch32(w.length - 4, w.length);
  return w.result();
}

function writtenTime(rec: WritableRecord): bigint {
  if (rec.timestamp !== undefined) return msToFiletime(rec.timestamp);
  const time = dig(rec.event.Event, ['System', 'TimeCreated', '#attributes', 'SystemTime']);
  const ticks = typeof time === 'string' ? isoToFiletime(time) : null;
  return ticks ?? 0n;
}

function dig(v: EvtxValue | undefined, path: readonly string[]): EvtxValue | undefined {
  for (const key of path) v = typeof v === 'object' && v !== null && !Array.isArray(v) ? v[key] : undefined;
  return v;
}

function assembleFile(chunks: readonly OpenChunk[]): Uint8Array {
  const file = new Uint8Array(FILE_HEADER_SIZE + chunks.length * CHUNK_SIZE);
  const view = new DataView(file.buffer);
  file.set(Buffer.from('ElfFile\0', 'latin1'), 0);
  view.setBigUint64(8, 0n, true);
  view.setBigUint64(16, BigInt(chunks.length - 1), true);
  const lastId = chunks.reduce((max, c) => Math.max(max, c.lastId), 0);
  view.setBigUint64(24, BigInt(lastId + 1), true);
  view.setUint32(32, 128, true);
  view.setUint16(36, 1, true); // minor version
  view.setUint16(38, 3, true); // major version
  view.setUint16(40, FILE_HEADER_SIZE, true);
  view.setUint16(42, chunks.length, true);
  view.setUint32(124, crc32(file, 0, 120), true);
  chunks.forEach((c, i) => {
    finishChunk(c);
    file.set(c.bytes, FILE_HEADER_SIZE + i * CHUNK_SIZE);
  });
  return file;
}

/** Fills the chunk header: record range, offsets, hash tables, and both CRCs. */
function finishChunk(c: OpenChunk): void {
  const b = c.bytes;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  b.set(Buffer.from('ElfChnk\0', 'latin1'), 0);
  const empty = c.used === CHUNK_HEADER_SIZE;
  for (const at of [8, 24]) view.setBigUint64(at, BigInt(empty ? 1 : c.firstId), true);
  for (const at of [16, 32]) view.setBigUint64(at, BigInt(empty ? 0 : c.lastId), true);
  view.setUint32(40, 128, true);
  view.setUint32(44, c.lastOffset, true);
  view.setUint32(48, c.used, true);
  linkTables(c, view);
  view.setUint32(52, crc32(b, CHUNK_HEADER_SIZE, c.used), true);
  view.setUint32(124, crc32(b, 128, 512, crc32(b, 0, 120)), true);
}

/** Builds the 64-bucket string table and 32-bucket template table, chaining entries through their next fields. */
function linkTables(c: OpenChunk, view: DataView): void {
  // Entries at or past `used` belong to a record that did not fit and went to the next chunk.
  for (const [name, offset] of c.defs.names) {
    if (offset >= c.used) continue;
    const slot = 128 + (nameHash(name) % 64) * 4;
    view.setUint32(offset, view.getUint32(slot, true), true);
    view.setUint32(slot, offset, true);
  }
  for (const { offset, id } of c.defs.templates.values()) {
    if (offset >= c.used) continue;
    const slot = 384 + (id % 32) * 4;
    view.setUint32(offset, view.getUint32(slot, true), true);
    view.setUint32(slot, offset, true);
  }
}
