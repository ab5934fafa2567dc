/** The EVTX file header: "ElfFile\0", chunk count, version, flags and a CRC32 over its first 120 bytes. */

import { crc32 } from './crc32.js';
import { byteView } from './values.js';

/** Size of the file header block that precedes the first chunk. */
export const FILE_HEADER_SIZE = 4096;
/** Size of every chunk. */
export const CHUNK_SIZE = 65536;
/** Size of a chunk header (the records follow it). */
export const CHUNK_HEADER_SIZE = 512;
/** File header flag: the file was not closed cleanly. */
export const FLAG_DIRTY = 0x1;
/** File header flag: the log is full. */
export const FLAG_FULL = 0x2;

const FILE_MAGIC = 'ElfFile\0';

/** The fields of the file header a reader uses. */
export interface FileHeader {
  readonly magicOk: boolean;
  readonly crcOk: boolean;
  readonly firstChunk: number;
  readonly lastChunk: number;
  readonly nextRecordId: number;
  readonly majorVersion: number;
  readonly minorVersion: number;
  readonly chunkCount: number;
  readonly dirty: boolean;
  readonly full: boolean;
}

/** Parses the file header at the start of `bytes` (which must hold at least 128 bytes). */
export function parseFileHeader(bytes: Uint8Array): FileHeader {
  const { buf, view } = byteView(bytes);
  const flags = view.getUint32(120, true);
  return {
    magicOk: buf.toString('latin1', 0, 8) === FILE_MAGIC,
    crcOk: crc32(buf, 0, 120) === view.getUint32(124, true),
    firstChunk: Number(view.getBigUint64(8, true)),
    lastChunk: Number(view.getBigUint64(16, true)),
    nextRecordId: Number(view.getBigUint64(24, true)),
    minorVersion: view.getUint16(36, true),
    majorVersion: view.getUint16(38, true),
    chunkCount: view.getUint16(42, true),
    dirty: (flags & FLAG_DIRTY) !== 0,
    full: (flags & FLAG_FULL) !== 0,
  };
}
