/**
 * EVTX source: consumes Windows .evtx bytes (in memory or streamed from disk) and produces records in the
 * evtx_dump JSON shape; writes valid EVTX files back from the same shape.
 */

export { crc32 } from './crc32.js';
export { CHUNK_SIZE, FILE_HEADER_SIZE, type FileHeader, parseFileHeader } from './header.js';
export {
  type EvtxFileOptions,
  iterateEvtx,
  readEvtx,
  readEvtxFile,
  readEvtxFileChunks,
  streamEvtxFileChunks,
} from './reader.js';
export type {
  EvtxJson,
  EvtxObject,
  EvtxProblem,
  EvtxReadOptions,
  EvtxRecord,
  EvtxValue,
  ProblemSink,
} from './types.js';
export { type WritableRecord, writeEvtx } from './writer.js';
