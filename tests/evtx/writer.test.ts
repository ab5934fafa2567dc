import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  type EvtxJson,
  type EvtxProblem,
  type EvtxRecord,
  FILE_HEADER_SIZE,
  parseFileHeader,
  readEvtx,
  readEvtxFile,
  writeEvtx,
} from '../../src/sources/evtx/index.js';
import { countRecordHeaders, evtxexportXml, haveEvtxexport, processEvent } from './helpers.js';

function roundTrip(events: EvtxJson[]): EvtxRecord[] {
  const { records, problems } = readEvtx(writeEvtx(events));
  expect(problems).toEqual([]);
  return records;
}

const odd: EvtxJson = {
  Event: {
    '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
    System: {
      Provider: { '#attributes': { Name: 'Service Control Manager', Guid: '{555908D1-A6D7-4695-8E1E-26931D2012F4}' } },
      EventID: { '#attributes': { Qualifiers: 16384 }, '#text': 7045 },
      Keywords: '0x0',
      TimeCreated: { '#attributes': { SystemTime: '1999-12-31T23:59:59.9999999Z' } },
      Security: { '#attributes': { UserID: 'S-1-5-21-1-2-3-500' } },
    },
    EventData: {
      ServiceName: 'Ünïcödé ✓ 日本語 🚀',
      Empty: '',
      Missing: null,
      Negative: -42,
      Big: 2 ** 40,
      Ratio: 0.25,
      Flag: true,
      Blob: '00112233445566778899AABBCCDDEEFF',
      Many: ['a', 'b', ''],
      Single: ['only'],
      Numbers: [1, 2, 3],
      Data: ['unnamed one', 'unnamed two'],
    },
  },
};

describe('EVTX writer', () => {
  it('round-trips unicode, empty strings, nulls, numbers, arrays and typed strings', () => {
    const [record] = roundTrip([odd]);
    expect(record.event).toEqual(odd);
    expect(record.recordId).toBe(1);
    expect(record.timestamp).toBe(Date.UTC(1999, 11, 31, 23, 59, 59, 1000));
  });

  it('round-trips UserData trees and repeated elements', () => {
    const event: EvtxJson = {
      Event: {
        System: { EventID: 1102, Channel: 'Security' },
        UserData: {
          LogFileCleared: {
            '#attributes': { xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog' },
            SubjectUserName: 'admmig',
            Item: [{ '#attributes': { Id: 1 }, '#text': 'x' }, { '#attributes': { Id: 2 } }],
          },
        },
      },
    };
    expect(roundTrip([event])[0].event).toEqual(event);
  });

  it('round-trips many fields and records across several chunks', () => {
    const events = Array.from({ length: 1500 }, (_, i) => {
      const e = processEvent(i + 1, `powershell -enc ${'A'.repeat(i % 500)} — ${i}`);
      for (let f = 0; f < i % 60; f++) (e.Event.EventData as Record<string, string>)[`Field${f}`] = `v${f}-${i}`;
      return e;
    });
    const bytes = writeEvtx(
      events.map((event, i) => ({ event, recordId: 1000 + i, timestamp: 1_600_000_000_000 + i })),
    );
    expect(bytes.length).toBeGreaterThan(FILE_HEADER_SIZE + 4 * CHUNK_SIZE);
    const header = parseFileHeader(bytes);
    expect(header).toMatchObject({ magicOk: true, crcOk: true, majorVersion: 3, minorVersion: 1 });
    expect(header.chunkCount).toBe((bytes.length - FILE_HEADER_SIZE) / CHUNK_SIZE);
    const { records, problems } = readEvtx(bytes);
    expect(problems).toEqual([]);
    expect(countRecordHeaders(bytes)).toBe(1500);
    expect(records.map((r) => r.event)).toEqual(events);
    expect(records[1499]).toMatchObject({ recordId: 2499, timestamp: 1_600_000_001_499 });
  });

  it('takes the written time from System/TimeCreated in any ISO precision, or 0', () => {
    const at = (t: string | number) => ({ Event: { System: { TimeCreated: { '#attributes': { SystemTime: t } } } } });
    const times = readEvtx(
      writeEvtx([at('2021-01-02T03:04:05.983Z'), at('2021-01-02T03:04:05Z'), at('junk'), at(5)]),
    ).records.map((r) => r.timestamp);
    expect(times).toEqual([
      Date.UTC(2021, 0, 2, 3, 4, 5, 983),
      Date.UTC(2021, 0, 2, 3, 4, 5),
      -11_644_473_600_000,
      -11_644_473_600_000,
    ]);
  });

  it('keeps hostile element names as plain own keys', () => {
    const event = JSON.parse('{"Event":{"EventData":{"toString":"a","constructor":"b","__proto__":"c"}}}') as EvtxJson;
    const [record] = roundTrip([event]);
    expect(JSON.stringify(record.event)).toBe(JSON.stringify(event));
    expect(Object.getPrototypeOf(record.event.Event.EventData)).toBe(Object.prototype);
  });

  it('reports a record too big for a chunk and writes the rest', () => {
    const problems: EvtxProblem[] = [];
    const huge = processEvent(2, 'x'.repeat(40_000));
    const bytes = writeEvtx([processEvent(1, 'a'), huge, processEvent(3, 'c')], (p) => problems.push(p));
    expect(problems).toHaveLength(1);
    expect(readEvtx(bytes).records.map((r) => r.recordId)).toEqual([1, 3]);
  });

  it('streams a written file from disk in chunk-sized reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evtx-'));
    try {
      const path = join(dir, 'out.evtx');
      const events = Array.from({ length: 700 }, (_, i) => processEvent(i + 1, `cmd /c ${'y'.repeat(i)}`));
      const bytes = writeEvtx(events);
      bytes[FILE_HEADER_SIZE + CHUNK_SIZE + 200] ^= 1; // damage chunk 1's header
      writeFileSync(path, bytes);
      const problems: EvtxProblem[] = [];
      const streamed: EvtxRecord[] = [];
      for await (const r of readEvtxFile(path, { onProblem: (p) => problems.push(p) })) streamed.push(r);
      expect(streamed).toEqual(readEvtx(bytes).records);
      expect(problems).toMatchObject([{ file: path, chunk: 1, severity: 'error' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!haveEvtxexport)('writes files libevtx evtxexport reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evtx-'));
    try {
      const path = join(dir, 'sim.evtx');
      const events = Array.from({ length: 600 }, (_, i) => processEvent(i + 1, `whoami /all ${i} ✓`));
      writeFileSync(path, writeEvtx([...events, odd]));
      const xml = evtxexportXml(path);
      expect(xml.match(/<Event xmlns/g)?.length).toBe(601);
      expect(xml).toContain('<Data Name="CommandLine">whoami /all 599 ✓</Data>');
      expect(xml).toContain('<Data Name="ServiceName">Ünïcödé ✓ 日本語 '); // libevtx garbles astral-plane characters
      expect(xml).toContain('<EventID>4688</EventID>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
