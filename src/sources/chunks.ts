/**
 * Node only: reads a file, or a byte range of it, in chunks into two buffers allocated once, reading the
 * next chunk while the caller works on the current one. A chunk is only valid until the caller asks for
 * the next one; callers copy what they keep (LineDecoder copies its unfinished line).
 *
 * Why not fs.createReadStream: it allocates a fresh buffer for every chunk, outside the JavaScript heap, and
 * such memory is freed only when a garbage collection finds the buffer dead, which V8 puts off while tens
 * of megabytes of it pile up. The default chunk is 64 KiB because line readers decode a chunk into one
 * string: Node keeps a decoded string of a megabyte or more outside the heap too, whereas a 64 KiB one is an
 * ordinary young object that dies at the next scavenge. With both, a one-thread hunt of 200 MB of JSON
 * lines peaks at ~175 MB instead of ~230 MB (50-70 MB of dead buffers and strings were waiting for a GC).
 */
import { open } from 'node:fs/promises';

/** Where to read: [start, end) in bytes (default: the whole file), in chunks of `chunkBytes`. */
export interface ChunkOptions {
  readonly start?: number;
  readonly end?: number;
  readonly chunkBytes?: number;
}

const CHUNK_BYTES = 1 << 16;

/** Streams the bytes of `path` as chunks that are overwritten after the next iteration step. */
export async function* readChunks(path: string, opts: ChunkOptions = {}): AsyncGenerator<Buffer> {
  const size = opts.chunkBytes ?? CHUNK_BYTES;
  const end = opts.end ?? Number.POSITIVE_INFINITY;
  const handle = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  const read = (into: Buffer, at: number): Promise<number> =>
    at >= end ? Promise.resolve(0) : handle.read(into, 0, Math.min(size, end - at), at).then((r) => r.bytesRead);
  let position = opts.start ?? 0;
  let pending = read(buffers[0], position);
  let current = 0;
  try {
    for (;;) {
      const bytes = await pending;
      if (bytes === 0) return;
      position += bytes;
      const chunk = buffers[current].subarray(0, bytes);
      current ^= 1;
      // The other buffer is free: the caller finished with it before asking for this chunk.
      pending = read(buffers[current], position);
      yield chunk;
    }
  } finally {
    // Never close the file under a read in flight (a caller may stop early); its error is moot by then.
    await pending.catch(() => 0);
    await handle.close();
  }
}
