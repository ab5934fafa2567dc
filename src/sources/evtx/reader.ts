/** Whole-file and streaming readers: file header, then every 64 KiB chunk in turn, problems reported. */

import { open } from 'node:fs/promises';
import { readChunks } from '../chunks.js';
import { type ChunkContext, readChunk } from './chunk.js';
import { CHUNK_SIZE, FILE_HEADER_SIZE, type FileHeader, parseFileHeader } from './header.js';
import { TemplateCache } from './templates.js';
import type { EvtxProblem, EvtxReadOptions, EvtxRecord, ProblemSink } from './types.js';

/** Chunks read from disk per read call by readEvtxFile; memory stays at this many chunks. */
const CHUNKS_PER_READ = 4;

/** Options of the streaming reader. */
export interface EvtxFileOptions extends EvtxReadOptions {
  /** Receives problems; without it they are dropped. */
  readonly onProblem?: ProblemSink;
}

/** Yields every readable record of an in-memory EVTX file; damage is reported to `onProblem` and skipped. */
export function* iterateEvtx(
  bytes: Uint8Array,
  onProblem: ProblemSink = () => {},
  opts: EvtxReadOptions = {},
): Generator<EvtxRecord> {
  const header = checkHeader(bytes, onProblem, opts);
  const templates = new TemplateCache();
  for (let index = 0, at = FILE_HEADER_SIZE; at < bytes.length; index++, at += CHUNK_SIZE) {
    const ctx = chunkContext(index, header, onProblem, opts, templates);
    yield* readChunk(bytes.subarray(at, at + CHUNK_SIZE), ctx);
  }
}

/** Reads a whole in-memory EVTX file into records plus the problems found. */
export function readEvtx(
  bytes: Uint8Array,
  opts: EvtxReadOptions = {},
): { records: EvtxRecord[]; problems: EvtxProblem[] } {
  const problems: EvtxProblem[] = [];
  const records = [...iterateEvtx(bytes, (p) => problems.push(p), opts)];
  return { records, problems };
}

/** Streams the records of an EVTX file from disk, holding only a few chunks in memory at a time. */
export async function* readEvtxFile(path: string, opts: EvtxFileOptions = {}): AsyncGenerator<EvtxRecord> {
  for await (const batch of readEvtxFileChunks(path, opts)) for (const record of batch) yield record;
}

/** Streams an EVTX file one chunk's records at a time: the fast form, one await per chunk, not per record. */
export async function* readEvtxFileChunks(path: string, opts: EvtxFileOptions = {}): AsyncGenerator<EvtxRecord[]> {
  for await (const chunk of streamEvtxFileChunks(path, opts)) {
    const records = [...chunk];
    if (records.length > 0) yield records;
  }
}

/**
 * Streams an EVTX file one chunk at a time, each chunk's records parsed only as they are iterated, so a
 * record's rendered JSON can die young once the caller is done with it (a materialised chunk keeps them all
 * alive until its end). Iterate each chunk fully before asking for the next: its bytes are then reused.
 */
export async function* streamEvtxFileChunks(
  path: string,
  opts: EvtxFileOptions = {},
): AsyncGenerator<Iterable<EvtxRecord>> {
  const report = opts.onProblem ?? (() => {});
  const options: EvtxReadOptions = { ...opts, file: opts.file ?? path };
  const header = checkHeader(await readHead(path), report, options);
  const templates = new TemplateCache();
  let index = 0;
  let at = FILE_HEADER_SIZE;
  // readChunks reuses one buffer: every chunk of a block is parsed before the next block is read.
  for await (const bytes of readChunks(path, { start: FILE_HEADER_SIZE, chunkBytes: CHUNK_SIZE * CHUNKS_PER_READ })) {
    for (let o = 0; o < bytes.length; o += CHUNK_SIZE, index++) {
      yield readChunk(
        bytes.subarray(o, o + CHUNK_SIZE),
        chunkContext(index, header, report, options, templates, at + o),
      );
    }
    at += bytes.length;
  }
}

/** The first FILE_HEADER_SIZE bytes of a file (fewer when it is shorter). */
async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(FILE_HEADER_SIZE);
    const { bytesRead } = await handle.read(head, 0, FILE_HEADER_SIZE, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reports file header damage; returns the header when it could be read at all. */
function checkHeader(bytes: Uint8Array, report: ProblemSink, opts: EvtxReadOptions): FileHeader | null {
  const problem = (offset: number, severity: 'error' | 'warning', reason: string) =>
    report({ file: opts.file, offset, chunk: -1, severity, reason });
  if (bytes.length < 128) {
    problem(0, 'error', `file too short for an EVTX header (${bytes.length} bytes)`);
    return null;
  }
  const header = parseFileHeader(bytes);
  if (!header.magicOk) problem(0, 'error', 'missing "ElfFile" signature; scanning for chunks anyway');
  else if (opts.verifyCrc !== false && !header.crcOk) problem(124, 'warning', 'file header CRC32 mismatch');
  return header.magicOk ? header : null;
}

function chunkContext(
  index: number,
  header: FileHeader | null,
  report: ProblemSink,
  opts: EvtxReadOptions,
  templates: TemplateCache,
  fileOffset = FILE_HEADER_SIZE + index * CHUNK_SIZE,
): ChunkContext {
  return {
    index,
    fileOffset,
    verifyCrc: opts.verifyCrc !== false,
    expected: header !== null && index < header.chunkCount,
    file: opts.file,
    report,
    templates,
  };
}
