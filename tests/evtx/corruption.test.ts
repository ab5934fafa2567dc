import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvtxProblem, type EvtxRecord, readEvtx, writeEvtx } from '../../src/sources/evtx/index.js';
import { haveSamples, processEvent, samplesDir } from './helpers.js';

const CHUNK = 65536;
const HEADER = 4096;

/** A clean three-chunk file from the writer, so these tests need no sample corpus. */
const base = writeEvtx(
  Array.from({ length: 420 }, (_, i) => processEvent(i + 1, `cmd.exe /c echo ${'x'.repeat(i % 300)}`)),
);
const baseRecords = readEvtx(base).records;
const chunkCount = (base.length - HEADER) / CHUNK;

/** Record ids per chunk of the clean file. */
const idsByChunk: number[][] = Array.from({ length: chunkCount }, (_, c) =>
  readEvtx(
    Uint8Array.from([...base.subarray(0, HEADER), ...base.subarray(HEADER + c * CHUNK, HEADER + (c + 1) * CHUNK)]),
  ).records.map((r) => r.recordId),
);

function parse(bytes: Uint8Array): { records: EvtxRecord[]; problems: EvtxProblem[]; ms: number } {
  const t = performance.now();
  const result = readEvtx(bytes);
  return { ...result, ms: performance.now() - t };
}

function mutate(bytes: Uint8Array, edits: readonly [number, number][]): Uint8Array {
  const copy = Uint8Array.from(bytes);
  for (const [at, value] of edits) copy[at % copy.length] = value;
  return copy;
}

describe('EVTX corruption', () => {
  it('starts from a clean multi-chunk file', () => {
    expect(chunkCount).toBeGreaterThanOrEqual(3);
    expect(readEvtx(base).problems).toEqual([]);
    expect(idsByChunk.flat()).toEqual(baseRecords.map((r) => r.recordId));
  });

  it('skips a chunk whose header is damaged and reads the others', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: chunkCount - 1 }), fc.integer({ min: 8, max: 511 }), (chunk, at) => {
        if (at >= 120 && at < 128) return; // outside the header CRC's range
        const bytes = Uint8Array.from(base);
        bytes[HEADER + chunk * CHUNK + at] ^= 0xff;
        const { records, problems } = parse(bytes);
        expect(problems.some((p) => p.chunk === chunk && p.severity === 'error')).toBe(true);
        const expected = idsByChunk.filter((_, c) => c !== chunk).flat();
        expect(records.map((r) => r.recordId)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('reports a zeroed chunk and keeps the rest', () => {
    const bytes = Uint8Array.from(base);
    bytes.fill(0, HEADER + CHUNK, HEADER + 2 * CHUNK);
    const { records, problems } = parse(bytes);
    expect(problems).toMatchObject([{ chunk: 1, severity: 'error', reason: 'chunk is all zeros' }]);
    expect(records.map((r) => r.recordId)).toEqual([...idsByChunk[0], ...idsByChunk.slice(2).flat()]);
  });

  it('survives truncation anywhere, keeping every whole chunk before the cut', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length }), (cut) => {
        const { records, ms } = parse(base.subarray(0, cut));
        expect(ms).toBeLessThan(2000);
        const whole = Math.max(0, Math.floor((cut - HEADER) / CHUNK));
        const ids = new Set(records.map((r) => r.recordId));
        for (const id of idsByChunk.slice(0, whole).flat()) expect(ids.has(id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws or hangs on random byte edits of records and templates', () => {
    const edits = fc.array(
      fc.tuple(fc.integer({ min: HEADER, max: base.length - 1 }), fc.integer({ min: 0, max: 255 })),
      {
        minLength: 1,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(edits, fc.boolean(), (list, verifyCrc) => {
        const bytes = mutate(base, list);
        const t = performance.now();
        const { records } = readEvtx(bytes, { verifyCrc });
        expect(performance.now() - t).toBeLessThan(2000);
        expect(records.length).toBeLessThanOrEqual(baseRecords.length + 50);
      }),
      { numRuns: 200 },
    );
  });

  it('reports record damage and reads the undamaged records of the chunk', () => {
    const bytes = Uint8Array.from(base);
    const second = HEADER + 512 + new DataView(bytes.buffer).getUint32(HEADER + 512 + 4, true);
    bytes[second] = 0x00; // break the second record's signature
    const { records, problems } = parse(bytes);
    expect(problems.map((p) => p.severity).sort()).toEqual(['error', 'warning']); // bad record + data CRC
    expect(records.length).toBe(baseRecords.length - 1);
    expect(records.some((r) => r.recordId === 2)).toBe(false);
  });

  it('never throws on fully random buffers, with or without valid signatures', () => {
    const magic = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: HEADER + 2 * CHUNK }), fc.boolean(), (raw, sign) => {
        const bytes = Uint8Array.from(raw);
        if (sign && bytes.length >= HEADER + 512) {
          bytes.set(magic('ElfFile\0'), 0);
          bytes.set(magic('ElfChnk\0'), HEADER);
        }
        const { ms } = parse(bytes);
        expect(ms).toBeLessThan(2000);
      }),
      { numRuns: 100 },
    );
  });

  it.skipIf(!haveSamples)('never throws on random edits of a real sample', () => {
    const sample = readFileSync(
      join(
        samplesDir,
        'hayabusa-sample-evtx/EVTX-to-MITRE-Attack/TA0007-Discovery/T1087-Account discovery/ID1-SPN discovery (SYSMON process).evtx',
      ),
    );
    const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(edits, (list) => {
        expect(parse(mutate(sample, list)).ms).toBeLessThan(2000);
      }),
      { numRuns: 200 },
    );
  });
});
