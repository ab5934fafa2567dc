/**
 * The Windows record mapping builds one fields object and reads plain EventData without copying it; it must
 * give exactly what the former three-object mapping gave (windows-reference.ts): same fields in the same
 * key order, log source, time, host and origin, on real samples and on random evtx_dump-shaped records.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { mapEvtxJson } from '../../src/sources/windows.js';
import { fixture } from './collect.js';
import { referenceMapEvtxJson } from './windows-reference.js';

const ORIGIN = { file: 'x.jsonl', line: 3 };

/** Both mappings of one record, with fields as key/value lists so key order is compared too. */
function both(rec: unknown): [unknown, unknown] {
  const shape = (m: ReturnType<typeof mapEvtxJson>) => ('skip' in m ? m : { ...m, fields: Object.entries(m.fields) });
  return [shape(mapEvtxJson(rec, ORIGIN)), shape(referenceMapEvtxJson(rec, ORIGIN))];
}

/** The parsed JSON lines of a file (lines that are not JSON are left out: the fixtures hold some on purpose). */
function records(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

test('maps the evtx_dump sample lines exactly as before', () => {
  const recs = [
    ...records(fixture('evtx-dump.jsonl')),
    ...records('tests/fixtures/hunt/logs/security.jsonl'),
    ...records('tests/fixtures/hunt/logs/sysmon.jsonl'),
  ];
  expect(recs.length).toBeGreaterThan(5);
  for (const rec of recs) {
    const [fast, reference] = both(rec);
    expect(fast).toEqual(reference);
  }
});

// Names that collide between System and data, numeric System names, 4688 inputs and Object.prototype names.
const NAME = fc.constantFrom(
  'EventID',
  'Channel',
  'Computer',
  'Level',
  'Version',
  'EventRecordID',
  'EventType',
  'Image',
  'User',
  'ProcessId',
  'NewProcessId',
  'NewProcessName',
  'TargetUserName',
  'SubjectUserName',
  'TargetDomainName',
  'Data',
  '#text',
  '#attributes',
  'toString',
  'constructor',
  'a',
  '0',
);
const SCALAR = fc.oneof(
  fc.constantFrom('', '-', '4688', '0x1a2c', '12', 'Security', 'Microsoft-Windows-Sysmon/Operational', 'DeleteKey'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -2, max: 5000 }),
  fc.constantFrom(null, true, 1.5),
);
const VALUE: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    SCALAR,
    fc.dictionary(NAME, tie('v'), { maxKeys: 3 }),
    fc.array(tie('v'), { maxLength: 2 }),
    fc.record({ '#attributes': fc.record({ Name: NAME }), '#text': SCALAR }),
  ),
})).v;
const SYSTEM = fc.record(
  {
    EventID: fc.oneof(SCALAR, fc.record({ '#text': SCALAR, '#attributes': fc.dictionary(NAME, SCALAR) })),
    Channel: fc.constantFrom('Security', 'Microsoft-Windows-Sysmon/Operational', 'System', 'Other'),
    Provider: fc.record({ '#attributes': fc.dictionary(fc.constantFrom('Name', 'Guid', 'X'), SCALAR) }),
    TimeCreated: fc.record({
      '#attributes': fc.record({ SystemTime: fc.constantFrom('2024-05-01T10:00:00.5Z', 'x') }),
    }),
    EventRecordID: SCALAR,
    Computer: SCALAR,
    Level: SCALAR,
    Extra: VALUE,
  },
  { requiredKeys: ['EventID'] },
);
const RECORD = fc.record(
  {
    System: SYSTEM,
    EventData: fc.oneof(fc.dictionary(NAME, SCALAR, { maxKeys: 8 }), fc.dictionary(NAME, VALUE, { maxKeys: 5 })),
    UserData: VALUE,
  },
  { requiredKeys: ['System'] },
);

test('maps random evtx_dump-shaped records exactly as before', () => {
  fc.assert(
    fc.property(RECORD, fc.boolean(), (rec, wrapped) => {
      // Through JSON so records look as JSON.parse leaves them (own keys only, no undefined).
      const input = JSON.parse(JSON.stringify(wrapped ? { Event: rec } : rec));
      const [fast, reference] = both(input);
      expect(fast).toEqual(reference);
    }),
    { numRuns: 2000 },
  );
});
