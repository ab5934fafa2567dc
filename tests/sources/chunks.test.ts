/** readChunks: the bytes of a file or of a range of it, in order, through two reused buffers. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { readChunks } from '../../src/sources/chunks.js';

const tmp = mkdtempSync(join(tmpdir(), 'tripline-chunks-'));

it('reads exactly the bytes of [start, end) for any file, range and chunk size', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 300 }),
      fc.nat(),
      fc.nat(),
      fc.integer({ min: 1, max: 64 }),
      async (bytes, a, b, chunkBytes) => {
        const path = join(tmp, 'f.bin');
        writeFileSync(path, bytes);
        const [start, end] = [a % (bytes.length + 2), b % (bytes.length + 2)].sort((x, y) => x - y);
        const parts: Buffer[] = [];
        // Copies: a chunk's memory is reused once the next one is read.
        for await (const c of readChunks(path, { start, end, chunkBytes })) {
          expect(c.length).toBeGreaterThan(0);
          expect(c.length).toBeLessThanOrEqual(chunkBytes);
          parts.push(Buffer.from(c));
        }
        expect(Buffer.concat(parts)).toEqual(Buffer.from(bytes).subarray(start, end));
      },
    ),
    { numRuns: 300 },
  );
});

it('stops early without leaving a read behind, and reports a missing file as a rejection', async () => {
  const path = join(tmp, 'big.bin');
  writeFileSync(path, Buffer.alloc(10_000, 0x41));
  let seen = 0;
  for await (const c of readChunks(path, { chunkBytes: 100 })) {
    seen += c.length;
    if (seen >= 300) break;
  }
  expect(seen).toBe(300);
  await expect(readChunks(join(tmp, 'missing.bin')).next()).rejects.toThrow(/ENOENT/);
});
