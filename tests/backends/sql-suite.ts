/**
 * The shared execution suite of the SQL targets, run once per real engine (sql-*.test.ts): every case
 * rule and list/nested-value rule (sql-lists.ts) over hand-written and generated events (scalars, lists, objects) returns exactly the events the reference matcher accepts;
 * hostile strings survive quoting and escaping; correlations match a sliding-window reference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertDetection, TARGETS } from '../../src/backends/index.js';
import { leaves } from '../../src/ir/expr.js';
import { MANY, pattern } from '../../src/ir/pattern.js';
import type { DetectionRule, Expr, Logsource } from '../../src/ir/types.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';
import type { FieldValue, LogEvent } from '../../src/sources/event.js';
import type { SqlEngine } from './sql-engines.js';
import { LIST_EVENTS, listRules } from './sql-lists.js';
import { ruleMatches } from './sql-reference.js';

const casesDir = resolve(import.meta.dirname, '../cases');
const pipelines = [builtinPipeline('tripline')].filter((p) => p !== undefined);

/** Case rules from tests/cases. */
export function caseRules(): DetectionRule[] {
  const texts = Object.fromEntries(
    readdirSync(casesDir)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => [`cases/${f}`, readFileSync(join(casesDir, f), 'utf8')]),
  );
  return [...loadRuleTexts(texts).detections];
}

/** An event with a record number, fields and log source. */
export function event(record: number, ls: Logsource, fields: Record<string, FieldValue>, timestamp?: number): LogEvent {
  return { fields, logsource: ls, timestamp, origin: { file: 'test', record } };
}

const HAND: [Logsource, Record<string, FieldValue>][] = [
  [
    { product: 'windows', category: 'process_creation' },
    { Image: 'C:\\Windows\\System32\\CMD.exe', CommandLine: 'x' },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { Image: 'C:\\x\\rundll32.exe', CommandLine: 'javascript:alert', ParentImage: 'C:\\explorer.exe' },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { Image: 'C:\\x\\rundll32.exe', CommandLine: 'MSHTML,RunHTMLApplication' },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { CommandLine: 'foo -NOP -w hidden BYPASS', ProcessId: 3 },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { CommandLine: 'x DOWNLOADxSTRING y', ProcessId: '12' },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { CommandLine: 'iex (new-object)', ProcessId: ' 4.0 ' },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { CommandLine: 'powershell -enc AAAAAAAAAAAAAAAAAAAAAAAAAAAAA', ParentCommandLine: 'p' },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { SourceIp: '10.1.2.3', ParentCommandLine: 'a', Company: null },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { SourceIp: '11.0.0.1', ParentCommandLine: 'a', IntegrityLevel: 'SYSTEM' },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { User: 'Bob', ParentUser: 'BOB', ParentCommandLine: 'x', IntegrityLevel: 'system' },
  ],
  [
    { product: 'windows', category: 'process_creation' },
    { Description: '', ParentCommandLine: 'x', IntegrityLevel: 'System' },
  ],
  [{ product: 'WINDOWS', category: 'Process_Creation' }, { Image: 'c:\\windows\\system32\\cmd.exe' }],
  [
    { product: 'windows', category: 'registry_set' },
    {
      TargetObject: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\x',
      Details: 'C:\\Users\\a\\AppData\\x.exe',
    },
  ],
  [
    { product: 'windows', category: 'dns_query' },
    { QueryName: 'abc.ONION', Image: 'C:\\rundll32.exe' },
  ],
  [
    { product: 'windows', category: 'network_connection' },
    { DestinationIp: 'fe80::1', DestinationPort: 443, Initiated: 'true' },
  ],
  [
    { product: 'windows', category: 'network_connection' },
    { DestinationIp: '8.8.8.8', DestinationPort: '8443', Initiated: 'True' },
  ],
  [
    { product: 'linux', service: 'auditd' },
    { type: 'EXECVE', a0: 'sh -c $(curl x)' },
  ],
  [{ product: 'linux', service: 'auditd' }, { msg: 'back\\slash and * escaped star' }],
  [{ product: 'linux', service: 'auditd' }, { a1: 'tab\tnewline\nunicode é ✓' }],
  [{ product: 'linux', service: 'auditd' }, { a1: `quote " and apostrophe ' here` }],
  [
    { product: 'windows', service: 'security' },
    { EventID: 4625, TargetUserName: 'bob' },
  ],
  [
    { product: 'windows', service: 'security' },
    { EventID: '4624', TargetUserName: 'bob' },
  ],
  [
    { product: 'windows', category: 'process_access' },
    { TargetImage: 'C:\\Windows\\lsass.exe', GrantedAccess: '0X1410' },
  ],
];

/** Literal texts of a rule's string leaves, to build events that come close to matching. */
function literals(e: Expr): string[] {
  return leaves(e).flatMap((l) =>
    l.kind === 'string' ? l.pattern.filter((p): p is string => typeof p === 'string') : [],
  );
}

/** Random events over the fields and literals the case rules use (deterministic seed). */
export function generatedEvents(rules: readonly DetectionRule[], n: number, start: number): LogEvent[] {
  const fields = [
    ...new Set(rules.flatMap((r) => leaves(r.expr).flatMap((l) => ('field' in l && l.field ? [l.field] : [])))),
  ];
  const lits = [...new Set(rules.flatMap((r) => literals(r.expr)))];
  const sources = rules.map((r) => r.logsource);
  const scalar = fc.oneof(
    fc.constantFrom(...lits),
    fc.tuple(fc.constantFrom(...lits), fc.string({ maxLength: 3 }), fc.boolean()).map(([l, s, up]) => {
      const t = `${s}${l}${s}`;
      return up ? t.toUpperCase() : t;
    }),
    fc.integer({ min: -5, max: 5000 }).map((x) => (x % 2 ? x : String(x))),
    fc.constantFrom('10.0.0.1', '192.168.1.1', 'fe80::2', 'true', '', null),
    fc.string({ maxLength: 6 }),
  );
  // Lists (the EventData `Data` of Windows logs) and nested objects (UserData) besides scalars.
  const value = fc.oneof(
    { arbitrary: scalar, weight: 4 },
    fc.array(fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('Name', 'Value'), fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), {
      maxKeys: 2,
    }),
  );
  const ev = fc.record({
    ls: fc.constantFrom(...sources),
    fields: fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 5 }),
  });
  return fc
    .sample(ev, { numRuns: n, seed: 42 })
    .map((x, i) => event(start + i, x.ls, x.fields as Record<string, FieldValue>));
}

/** Record numbers of the rows a query returns. */
async function records(engine: SqlEngine, sql: string): Promise<number[]> {
  return (await engine.rows(sql)).map((r) => Number(r.record)).sort((a, b) => a - b);
}

/** Registers the whole suite for one engine. */
export function sqlSuite(makeEngine: () => Promise<SqlEngine> | SqlEngine): void {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await makeEngine();
  });
  afterAll(() => engine?.close());

  describe('case rules return exactly the reference matches', () => {
    const rules = [...caseRules(), ...listRules()];
    const hand = [...HAND, ...LIST_EVENTS].map(([ls, f], i) => event(i + 1, ls, f));
    const events = [...hand, ...generatedEvents(rules, 400, 1000)];
    for (const rule of rules) {
      it(rule.meta.title, async () => {
        const dialect = TARGETS[engine.name];
        const { conversion } = convertDetection(rule, dialect, pipelines);
        if (conversion.queries.length === 0) {
          // Only IPv6 networks are out of reach (DuckDB and SQLite have no IPv6 functions offline).
          expect(conversion.errors.map((e) => e.message).join('\n')).toMatch(/IPv6 network/);
          return;
        }
        await engine.load(events);
        const want = events.filter((e) => ruleMatches(rule, e)).map((e) => e.origin.record as number);
        expect(await records(engine, conversion.queries[0])).toEqual(want);
        expect(want.length, 'the events exercise the rule').toBeGreaterThan(0);
      });
    }
  });

  it('hostile strings survive exact, contains and startswith', async () => {
    const text = fc.string({ unit: fc.constantFrom(...Array.from(`'"\\%_*?[]\n\t aZé✓😀xY`)), maxLength: 12 });
    const shapes = [(t: string) => [t], (t: string) => [MANY, t, MANY], (t: string) => [t, MANY]] as const;
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(0, 1, 2), fc.boolean(), async (t, shape, cased) => {
        const parts = shapes[shape](t) as (string | typeof MANY)[];
        const leaf: Expr = { kind: 'string', field: 'CommandLine', pattern: pattern(parts), cased };
        const rule = { ...caseRules()[0], logsource: {}, expr: leaf } as DetectionRule;
        const sql = convertDetection(rule, TARGETS[engine.name], pipelines).conversion.queries[0];
        // Same length, first character changed: equal, prefix and substring tests must all fail.
        const first = Array.from(t)[0] ?? '';
        const differ = (first.toLowerCase() === '#' ? '@' : '#') + t.slice(first.length);
        await engine.load([event(1, {}, { CommandLine: t }), event(2, {}, { CommandLine: differ })]);
        const got = await records(engine, sql);
        expect(got).toEqual(t === '' && shape !== 0 ? [1, 2] : [1]);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
}
