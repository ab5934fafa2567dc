import { isUtf8 } from 'node:buffer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeUtf8Length, createDecoder } from '../../src/sources/decode.js';
import type { SkippedRecord } from '../../src/sources/event.js';
import { JsonSplitter } from '../../src/sources/json-split.js';
import { LineDecoder, LineSplitter, type LongLine, type RawLine, readLines } from '../../src/sources/lines.js';
import { makeSink } from '../../src/sources/sink.js';
import { collect } from './collect.js';

const tmp = mkdtempSync(join(tmpdir(), 'tripline-lines-'));
function write(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** The reference: split on \n, drop a trailing \r per line, no line after a final \n. */
function referenceSplit(bytes: Buffer): string[] {
  if (bytes.length === 0) return [];
  const lines = bytes.toString('latin1').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

/** Cuts `bytes` at the given points. */
function chunk(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of points) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  out.push(bytes.subarray(at));
  return out;
}

describe('LineSplitter', () => {
  it('equals a reference split for arbitrary chunking', () => {
    const bytes = fc
      .array(fc.constantFrom(0x0a, 0x0d, 0x41, 0x42, 0xc3, 0xa9, 0x00), { maxLength: 200 })
      .map((a) => Buffer.from(a));
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 10 }), (buf, cuts) => {
        const splitter = new LineSplitter(1 << 20);
        const got = [...chunk(buf, cuts).flatMap((c) => splitter.push(c)), ...splitter.end()] as RawLine[];
        expect(got.map((l) => l.bytes.toString('latin1'))).toEqual(referenceSplit(buf));
        expect(got.map((l) => l.line)).toEqual(got.map((_, i) => i + 1));
        const offsets = got.map((l) => l.offset);
        const expected: number[] = [];
        for (let i = 0, at = 0; i < got.length; i++) {
          expected.push(at);
          at = buf.indexOf(0x0a, at) + 1;
        }
        expect(offsets).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and never keeps more than the limit on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (arr, cuts, max) => {
          const splitter = new LineSplitter(max);
          const out = [...chunk(Buffer.from(arr), cuts).flatMap((c) => splitter.push(c)), ...splitter.end()];
          for (const l of out) if ('bytes' in l) expect(l.bytes.length).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a line over the limit by position and length', () => {
    const splitter = new LineSplitter(4);
    const out = [...splitter.push(Buffer.from('ab\r\nabcdefgh\nxy')), ...splitter.end()];
    expect(out[0]).toMatchObject({ line: 1, offset: 0 });
    expect((out[1] as LongLine).tooLong).toBe(8);
    expect(out[1]).toMatchObject({ line: 2, offset: 4 });
    expect((out[2] as RawLine).bytes.toString()).toBe('xy');
  });
});

describe('LineDecoder', () => {
  /** The reference: LineSplitter plus per-line decoding and reports, as readLines did line by line. */
  function reference(chunks: Buffer[], max: number) {
    const splitter = new LineSplitter(max);
    const out: unknown[] = [];
    let warned = false;
    for (const l of [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()]) {
      if ('tooLong' in l) out.push({ skip: l.tooLong, line: l.line, offset: l.offset });
      else {
        if (!warned && !isUtf8(l.bytes)) {
          warned = true;
          out.push({ warn: l.line, offset: l.offset });
        }
        const text = l.bytes.toString('utf8');
        out.push({
          text: l.line === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text,
          line: l.line,
          offset: l.offset,
        });
      }
    }
    return out;
  }

  it('gives the same lines, positions and reports as LineSplitter for arbitrary bytes and chunking', () => {
    const bytes = fc
      .array(fc.constantFrom(0x0a, 0x0d, 0x41, 0x42, 0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0xff, 0x00), { maxLength: 200 })
      .map((a) => Buffer.from(a));
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 1, max: 30 }), (buf, cuts, max) => {
        const got: unknown[] = [];
        const sink = {
          skip: (s: SkippedRecord) =>
            got.push({ skip: Number(/of (\d+) bytes/.exec(s.reason)?.[1]), line: s.line, offset: s.offset }),
          warn: (s: SkippedRecord) => got.push({ warn: s.line, offset: s.offset }),
        };
        const d = new LineDecoder('f', sink, max);
        // Each chunk is overwritten once pushed, as readChunks reuses its buffers: the decoder keeps copies.
        for (const c of chunk(buf, cuts)) {
          const reused = Buffer.from(c);
          for (const l of d.push(reused)) got.push({ ...l });
          reused.fill(0x58);
        }
        for (const l of d.end()) got.push({ ...l });
        // Reports may come before the lines of the same chunk: compare lines and reports each in order.
        const want = reference(chunk(buf, cuts), max);
        const isLine = (x: unknown) => typeof x === 'object' && x !== null && 'text' in x;
        expect(got.filter(isLine)).toEqual(want.filter(isLine));
        expect(got.filter((x) => !isLine(x))).toEqual(want.filter((x) => !isLine(x)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readLines and bad input', () => {
  it('skips a 20 MB single line with its number and keeps reading', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0x61);
    const path = write(
      'huge.jsonl',
      Buffer.concat([
        Buffer.from('{"EventID":1,"Channel":"Security"}\n{"x":"'),
        big,
        Buffer.from('"}\n{"EventID":2,"Channel":"Security"}\n'),
      ]),
    );
    const { events, skips } = await collect(path);
    expect(events.map((e) => e.fields.EventID)).toEqual([1, 2]);
    expect(skips).toEqual([
      { file: path, line: 2, offset: 35, reason: expect.stringMatching(/^line of 20971528 bytes exceeds/) },
    ]);
  });

  it('decodes invalid UTF-8 with replacement and reports it once per file', async () => {
    const path = write(
      'latin1.jsonl',
      Buffer.concat([Buffer.from('{"a":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"b":"\xff"}\n', 'latin1')]),
    );
    const { events, skips, warnings } = await collect(path);
    expect(events.map((e) => e.fields)).toEqual([{ a: 'caf\uFFFD' }, { b: '\uFFFD' }]);
    expect(skips).toEqual([]);
    expect(warnings).toEqual([{ file: path, line: 1, offset: 0, reason: expect.stringMatching(/invalid UTF-8/) }]);
  });

  it('counts repairs as skips when no warning callback is given, and tolerates CRLF and a BOM', async () => {
    const path = write(
      'crlf.jsonl',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\r\n\r\n{"a":"\xff"}\r\n', 'latin1')]),
    );
    const skips: SkippedRecord[] = [];
    const lines: string[] = [];
    for await (const l of readLines(
      path,
      makeSink((s) => skips.push(s)),
    ))
      lines.push(l.text);
    expect(lines).toEqual(['{"a":1}', '', '{"a":"\uFFFD"}']);
    expect(skips).toHaveLength(1);
  });

  it('reports an unreadable file instead of throwing', async () => {
    const skips: SkippedRecord[] = [];
    for await (const _ of readLines(
      join(tmp, 'missing'),
      makeSink((s) => skips.push(s)),
    ))
      expect.unreachable();
    expect(skips[0].reason).toMatch(/read error/);
  });
});

describe('chunk decoding and JSON splitting', () => {
  it('decodes UTF-8 split across arbitrary chunks exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), fc.array(fc.nat(), { maxLength: 6 }), (s, cuts) => {
        const bytes = Buffer.from(s, 'utf8');
        let invalid = 0;
        const d = createDecoder('utf-8', () => invalid++);
        const text = chunk(bytes, cuts).map(d.write).join('') + d.end();
        expect(text).toBe(s);
        expect(invalid).toBe(0);
        expect(completeUtf8Length(bytes)).toBe(bytes.length);
      }),
      { numRuns: 300 },
    );
  });

  it('splits JSON arrays into the same elements for arbitrary chunking', () => {
    const value = fc.dictionary(
      fc.string({ maxLength: 5 }),
      fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.array(fc.integer(), { maxLength: 3 })),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 6 }), (values, cuts) => {
        const bytes = Buffer.from(JSON.stringify(values, null, values.length % 2 === 0 ? 2 : undefined));
        const s = new JsonSplitter(1 << 20);
        const pieces = [...chunk(bytes, cuts).flatMap((c) => s.push(c)), ...s.end()];
        expect(pieces.map((p) => ('bytes' in p ? JSON.parse(p.bytes.toString()) : p))).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});
