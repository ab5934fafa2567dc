import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type EvtxProblem,
  type EvtxRecord,
  readEvtx,
  readEvtxFileChunks,
  streamEvtxFileChunks,
  writeEvtx,
} from '../../src/sources/evtx/index.js';
import { processEvent } from './helpers.js';

const CHUNK = 65536;
const HEADER = 4096;

/** Enough records for more chunks than one read block holds (the reader reads four chunks at a time). */
const base = writeEvtx(
  Array.from({ length: 1500 }, (_, i) => processEvent(i + 1, `cmd.exe /c echo ${'z'.repeat(i % 400)}`)),
);
const dir = mkdtempSync(join(tmpdir(), 'evtx-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function streamed(path: string): Promise<{ records: EvtxRecord[]; problems: EvtxProblem[] }> {
  const problems: EvtxProblem[] = [];
  const records: EvtxRecord[] = [];
  for await (const chunk of streamEvtxFileChunks(path, { onProblem: (p) => problems.push(p) }))
    for (const r of chunk) records.push(r);
  return { records, problems };
}

describe('EVTX streaming readers', () => {
  it('builds a file of more chunks than one read block', () => {
    expect((base.length - HEADER) / CHUNK).toBeGreaterThan(8);
  });

  it('read the same records and problems as the in-memory reader, wherever the file ends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: base.length }), fc.nat(255), async (cut, flip) => {
        const bytes = Uint8Array.from(base.subarray(0, cut));
        if (cut > HEADER + CHUNK + 600) bytes[HEADER + CHUNK + 600] ^= flip; // maybe damage a record of chunk 1
        const path = join(dir, `cut-${cut}.evtx`);
        writeFileSync(path, bytes);
        try {
          const expected = readEvtx(bytes, { file: path }); // the in-memory reader is the reference
          expect(await streamed(path)).toEqual(expected);
          const batches: EvtxRecord[] = [];
          for await (const batch of readEvtxFileChunks(path)) batches.push(...batch);
          expect(batches).toEqual(expected.records);
        } finally {
          rmSync(path, { force: true });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('stops cleanly when the caller leaves early, with a read still under way', async () => {
    const path = join(dir, 'early.evtx');
    writeFileSync(path, base);
    let seen = 0;
    for await (const chunk of streamEvtxFileChunks(path)) {
      for (const _ of chunk) seen++;
      break;
    }
    expect(seen).toBeGreaterThan(0);
    rmSync(path); // the handle is closed: removing the file is fine everywhere
  });
});
