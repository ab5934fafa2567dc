import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChunk } from '../../src/sources/evtx/chunk.js';
import {
  CHUNK_SIZE,
  type EvtxJson,
  type EvtxProblem,
  type EvtxRecord,
  FILE_HEADER_SIZE,
  readEvtx,
  streamEvtxFileChunks,
  writeEvtx,
} from '../../src/sources/evtx/index.js';
import { isMemoable, ValueMemo } from '../../src/sources/evtx/memo.js';
import type { XNode } from '../../src/sources/evtx/nodes.js';
import { TemplateCache } from '../../src/sources/evtx/templates.js';
import { byteView, decodeScalar, ValueType } from '../../src/sources/evtx/values.js';
import { processEvent } from './helpers.js';

/** Every chunk parsed on its own, with no templates shared between chunks: the reference for the cached reader. */
function readUnshared(bytes: Uint8Array): { records: EvtxRecord[]; problems: EvtxProblem[] } {
  const records: EvtxRecord[] = [];
  const problems: EvtxProblem[] = [];
  const report = (p: EvtxProblem) => problems.push(p);
  for (let index = 0, at = FILE_HEADER_SIZE; at < bytes.length; index++, at += CHUNK_SIZE) {
    const ctx = { index, fileOffset: at, verifyCrc: true, expected: true, report };
    records.push(...readChunk(bytes.subarray(at, at + CHUNK_SIZE), ctx));
  }
  return { records, problems };
}

/** The cached reader's result, without the file header's problems (readUnshared does not check it). */
function readShared(bytes: Uint8Array): { records: EvtxRecord[]; problems: EvtxProblem[] } {
  const { records, problems } = readEvtx(bytes);
  return { records, problems: problems.filter((p) => p.chunk >= 0) };
}

const GUIDS = ['{54849625-5478-4994-A5BA-3E3B0328C30D}', '{54849625-5478-4994-A5BA-3E3B0328C30E}'];
const SIDS = ['S-1-5-18', 'S-1-5-21-1-2-3-1111', 'S-1-5-21-1-2-3-1112'];
const WORDS = ['a', 'b', 'ab', 'ba', 'cmd.exe', 'cmd.exf', ''];
const TIMES = ['2021-10-19T14:45:18.1829186Z', '2021-10-19T14:45:18.1829187Z'];
const HEXES = ['0x8020000000000000', '0x8020000000000001', '0x1f4c65f'];

/** Events of a few shapes whose values come from small pools, so slots repeat, then change by one byte. */
const eventArb = fc
  .record({
    shape: fc.nat(3),
    id: fc.nat(1000),
    guid: fc.constantFrom(...GUIDS),
    sid: fc.constantFrom(...SIDS),
    word: fc.constantFrom(...WORDS),
    time: fc.constantFrom(...TIMES),
    hex: fc.constantFrom(...HEXES),
  })
  .map(({ shape, id, guid, sid, word, time, hex }): EvtxJson => {
    const event = processEvent(id, word);
    const system = event.Event.System as Record<string, unknown>;
    (system.Provider as { '#attributes': Record<string, unknown> })['#attributes'].Guid = guid;
    (system.TimeCreated as { '#attributes': Record<string, unknown> })['#attributes'].SystemTime = time;
    system.Keywords = hex;
    const data = event.Event.EventData as Record<string, unknown>;
    data.SubjectUserSid = sid;
    if (shape > 0) data[`Extra${shape}`] = shape === 1 ? word : shape === 2 ? time : guid;
    if (shape === 3) delete data.TargetUserSid;
    return event;
  });

describe('EVTX templates shared across chunks and values reused across records', () => {
  it('gives every record back as written, whatever the order of templates and values', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 150, maxLength: 400 }), (events) => {
        const bytes = writeEvtx(events);
        const { records, problems } = readEvtx(bytes);
        expect(problems).toEqual([]);
        expect(records.map((r) => r.event)).toEqual(events);
        expect(readShared(bytes)).toEqual(readUnshared(bytes));
      }),
      { numRuns: 15 },
    );
  });

  it('reads damaged files exactly as chunks read on their own do', () => {
    const events = fc.sample(eventArb, { numRuns: 300, seed: 7 });
    const base = writeEvtx(events);
    expect((base.length - FILE_HEADER_SIZE) / CHUNK_SIZE).toBeGreaterThanOrEqual(3);
    const edits = fc.array(fc.tuple(fc.integer({ min: FILE_HEADER_SIZE, max: base.length - 1 }), fc.nat(255)), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(edits, (list) => {
        const copy = Uint8Array.from(base);
        for (const [at, value] of list) copy[at] = value;
        expect(readShared(copy)).toEqual(readUnshared(copy));
      }),
      { numRuns: 150 },
    );
  });

  it('streams from disk as it reads in memory, though the read buffers are reused', async () => {
    const bytes = writeEvtx(fc.sample(eventArb, { numRuns: 2000, seed: 11 }));
    expect((bytes.length - FILE_HEADER_SIZE) / CHUNK_SIZE).toBeGreaterThan(8); // more than two read blocks
    const dir = mkdtempSync(join(tmpdir(), 'evtx-shared-'));
    try {
      const path = join(dir, 'varied.evtx');
      writeFileSync(path, bytes);
      const records: EvtxRecord[] = [];
      for await (const chunk of streamEvtxFileChunks(path)) records.push(...chunk);
      expect(records).toEqual(readEvtx(bytes).records);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps its own copy of a definition, whose chunk bytes are later overwritten', () => {
    const chunk = new Uint8Array(256);
    const view = new DataView(chunk.buffer);
    view.setUint32(100 + 4, 0x1234, true); // template id
    view.setUint32(100 + 20, 32, true); // data size
    chunk.fill(7, 124, 156);
    const src = byteView(chunk);
    const cache = new TemplateCache();
    const nodes: readonly XNode[] = [];
    cache.add(src, 100, 2, [], nodes);
    expect(cache.find(src, 100, 2)).toBe(nodes);
    expect(cache.find(src, 100, 3)).toBeNull(); // deeper than compiled: may hit the depth limit
    const again = byteView(Uint8Array.from(chunk));
    chunk[140] = 8; // the chunk's buffer is reused for the next read
    expect(cache.find(src, 100, 2)).toBeNull();
    expect(cache.find(again, 100, 1)).toBe(nodes);
  });

  it('takes a remembered value only when a fresh decode gives the same', () => {
    const types = [
      ValueType.String,
      ValueType.Binary,
      ValueType.Guid,
      ValueType.FileTime,
      ValueType.SysTime,
      ValueType.HexInt32,
      ValueType.HexInt64,
      ValueType.SizeT,
      ValueType.Sid,
    ];
    // Values from a two-letter byte alphabet, so equal and nearly equal bytes are common.
    const value = fc.record({
      slot: fc.nat(3),
      type: fc.constantFrom(...types),
      size: fc.constantFrom(0, 2, 4, 8, 12, 16),
      bytes: fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => b.map((x) => (x & 1) + 1)),
    });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), (values) => {
        const buf = new Uint8Array(values.length * 16);
        values.forEach((v, i) => {
          buf.set(v.bytes, i * 16);
        });
        const src = byteView(buf);
        const memo = new ValueMemo();
        values.forEach(({ slot, type, size }, i) => {
          const at = i * 16;
          if (size === 0 || !isMemoable(src.buf, type, at, size)) return;
          const fresh = decodeScalar(src, type, at, size);
          const known = memo.find(src, slot, type, at, size);
          if (known !== undefined) expect(known).toBe(fresh);
          memo.remember(slot, type, at, size, fresh as string);
        });
      }),
      { numRuns: 300 },
    );
  });
});
