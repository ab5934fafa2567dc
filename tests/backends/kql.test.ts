/**
 * The KQL target checked by Microsoft's own Kusto language service (@kusto/language-service-next):
 * (a) every SigmaHQ corpus rule converted with the `mde` pipeline has no syntax or semantic diagnostic
 * against the Defender Advanced Hunting schema (../shared/mappings/mde_advanced_hunting_schema.csv);
 * (b) hostile strings survive as KQL literals (parsed back by the Kusto parser);
 * (c) the corpus conversion rate is at least pySigma's (2,318 of 3,780 rules).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Conversion, convertRuleSet } from '../../src/backends/index.js';
import { KQL, kqlField } from '../../src/backends/kql.js';
import { MANY, pattern } from '../../src/ir/pattern.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import type { PipelineSpec } from '../../src/pipelines/types.js';
import { loadRules, loadRuleTexts } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';

const shared = resolve(import.meta.dirname, '../../../shared');
const corpus = resolve(shared, 'corpus/sigma');
const schemaCsv = resolve(shared, 'mappings/mde_advanced_hunting_schema.csv');
const PYSIGMA_CONVERTED = 2318;

/**
 * DeviceRegistryEvents is missing from the shared schema CSV; columns from Microsoft's reference
 * https://learn.microsoft.com/defender-xdr/advanced-hunting-deviceregistryevents-table
 */
const REGISTRY_COLUMNS = [
  'Timestamp:datetime',
  'DeviceId:string',
  'DeviceName:string',
  'ActionType:string',
  'RegistryKey:string',
  'RegistryValueType:string',
  'RegistryValueName:string',
  'RegistryValueData:string',
  'PreviousRegistryKey:string',
  'PreviousRegistryValueName:string',
  'PreviousRegistryValueData:string',
  ...['Domain', 'Name', 'Sid', 'Upn', 'ObjectId'].map((n) => `InitiatingProcessAccount${n}:string`),
  ...['SHA1', 'SHA256', 'MD5', 'FileName', 'FolderPath', 'CommandLine', 'ParentFileName'].map(
    (n) => `InitiatingProcess${n}:string`,
  ),
  ...['CompanyName', 'ProductName', 'ProductVersion', 'InternalFileName', 'OriginalFileName', 'FileDescription'].map(
    (n) => `InitiatingProcessVersionInfo${n}:string`,
  ),
  'InitiatingProcessFileSize:long',
  'InitiatingProcessId:long',
  'InitiatingProcessCreationTime:datetime',
  'InitiatingProcessParentId:long',
  'InitiatingProcessParentCreationTime:datetime',
  'InitiatingProcessIntegrityLevel:string',
  'InitiatingProcessTokenElevation:string',
  'ReportId:long',
  'AppGuardContainerId:string',
];

/** The case rules of tests/cases by file name. */
function caseTexts(): Record<string, string> {
  const casesDir = resolve(import.meta.dirname, '../cases');
  return Object.fromEntries(
    readdirSync(casesDir)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => [f, readFileSync(join(casesDir, f), 'utf8')]),
  );
}

// biome-ignore lint/suspicious/noExplicitAny: the Bridge.NET build of Kusto.Language has no type declarations
type Any = any;

/** Loads the Kusto language service (it installs `globalThis.Kusto`). */
function kusto(): Any {
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.js');
  require('@kusto/language-service-next');
  return (globalThis as Any).Kusto.Language;
}

/** Table name -> columns from the schema CSV, plus the documented registry table. */
function readSchema(): Map<string, Map<string, string>> {
  const rows: Record<string, string>[] = parse(readFileSync(schemaCsv, 'utf8'), { columns: true, trim: true });
  const tables = new Map<string, Map<string, string>>();
  const add = (table: string, column: string, type: string) => {
    if (!tables.has(table)) tables.set(table, new Map());
    tables.get(table)?.set(column, type === 'boolean' ? 'bool' : type);
  };
  for (const r of rows) add(r.table, r.column, r.type);
  for (const c of REGISTRY_COLUMNS) add('DeviceRegistryEvents', ...(c.split(':') as [string, string]));
  return tables;
}

/** Kusto global state holding a database with every Defender table. */
function globalsFor(K: Any, tables: Map<string, Map<string, string>>): Any {
  const S = K.Symbols;
  const symbols = [...tables].map(([name, cols]) => {
    const schema = `(${[...cols].map(([c, t]) => `${c}:${t}`).join(', ')})`;
    return new S.TableSymbol.$ctor7(name, schema, null);
  });
  return K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.$ctor2('defender', null, symbols));
}

function diagnosticsOf(code: Any): string[] {
  const list = code.GetDiagnostics();
  const out: string[] = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    out.push(`${d.Code} ${d.Message} at ${d.Start}`);
  }
  return out;
}

/** The value of the first string literal in a query, as the Kusto parser reads it. */
function literalValue(K: Any, query: string): unknown {
  let value: unknown;
  K.KustoCode.Parse(query).Syntax.WalkElements((e: Any) => {
    if (value === undefined && e.constructor?.$$name === 'Kusto.Language.Syntax.LiteralExpression')
      value = e.LiteralValue;
  });
  return value;
}

describe('KQL literals and names survive the Kusto parser', () => {
  const K = kusto();
  const hostile = fc.oneof(
    fc.string({
      unit: fc.constantFrom('"', "'", '\\', '*', '?', '\n', '\r', '\t', '@', 'a', 'é', '😀', '\u0000', '\u2028'),
    }),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
  );
  const ctx = { rule: undefined as never, target: 'kql', warn: () => {} };
  it('exact and contains values emitted by the KQL leaf parse back to the value', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), fc.boolean(), (s, contains, cased) => {
        const parts = contains && s ? [MANY, s, MANY] : [s];
        const leaf = KQL.leaves.string({ kind: 'string', field: 'A', pattern: pattern(parts), cased }, ctx);
        const query = `T | where ${leaf}`;
        expect(diagnosticsOf(K.KustoCode.Parse(query))).toEqual([]);
        expect(literalValue(K, query)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
  it('converting the case rules twice gives identical bytes (no hidden state)', () => {
    const texts = caseTexts();
    const run = () =>
      JSON.stringify(convertRuleSet(loadRuleTexts(texts), KQL, [builtinPipeline('mde') as PipelineSpec]));
    expect(run()).toBe(run());
  });
  it('kqlField(name) is one column reference', () => {
    for (const name of ['Image', 'a b', "it's", 'back\\slash', 'and', 'x.y', '@timestamp']) {
      const code = K.KustoCode.Parse(`T | where ${kqlField(name)} == 1`);
      expect(diagnosticsOf(code), name).toEqual([]);
    }
  });
});

describe.skipIf(!existsSync(corpus) || !existsSync(schemaCsv))('KQL over the SigmaHQ corpus', () => {
  let conversions: Conversion[] = [];
  let ruleSet: RuleSet | undefined;
  const K = kusto();
  const tables = readSchema();
  const mde = builtinPipeline('mde') as PipelineSpec;

  beforeAll(async () => {
    const started = performance.now();
    ruleSet = await loadRules([corpus]);
    conversions = convertRuleSet(ruleSet, KQL, [mde]);
    console.log(`corpus load + convert: ${Math.round(performance.now() - started)} ms`);
  });

  it(`converts at least pySigma's ${PYSIGMA_CONVERTED} rules`, () => {
    const ok = conversions.filter((c) => c.errors.length === 0);
    const reasons = new Map<string, number>();
    for (const c of conversions)
      for (const e of c.errors.slice(0, 1)) {
        const reason = e.message.replace(/^rule '.*?': /, '').replace(/ \(target kql\)$/, '');
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(
      `kql/mde: ${ok.length} converted, ${conversions.length - ok.length} unsupported of ${conversions.length}\n` +
        top.map(([r, n]) => `  ${String(n).padStart(5)}  ${r}`).join('\n'),
    );
    expect(ok.length).toBeGreaterThanOrEqual(PYSIGMA_CONVERTED);
  });

  it('every converted query has no Kusto syntax or semantic diagnostic', () => {
    const globals = globalsFor(K, tables);
    const started = performance.now();
    const bad: string[] = [];
    let checked = 0;
    for (const c of conversions)
      for (const q of c.queries) {
        checked++;
        const diags = diagnosticsOf(K.KustoCode.ParseAndAnalyze(q, globals));
        if (diags.length) bad.push(`${c.file}: ${diags.join('; ')}\n${q.slice(0, 400)}`);
      }
    console.log(`Kusto analysis of ${checked} queries: ${Math.round(performance.now() - started)} ms`);
    expect(bad.slice(0, 10), `${bad.length} queries with diagnostics`).toEqual([]);
  });

  it('sentinel-asim queries have no Kusto syntax diagnostic (no ASIM schema here to check names)', () => {
    const asim = builtinPipeline('sentinel-asim') as PipelineSpec;
    const queries = convertRuleSet(ruleSet as RuleSet, KQL, [asim]).flatMap((c) => c.queries);
    const bad = queries.filter((q) => diagnosticsOf(K.KustoCode.Parse(q)).length > 0);
    console.log(`kql/sentinel-asim: ${queries.length} queries parsed`);
    expect(queries.length).toBeGreaterThan(1500);
    expect(bad.slice(0, 5).map((q) => q.slice(0, 300))).toEqual([]);
  });

  it('the case rules, correlations included, analyse cleanly', () => {
    const texts = caseTexts();
    const globals = globalsFor(K, tables);
    const converted = convertRuleSet(loadRuleTexts(texts), KQL, [mde]).filter((c) => c.queries.length > 0);
    expect(converted.filter((c) => /summarize/.test(c.queries[0])).length).toBeGreaterThanOrEqual(3);
    for (const c of converted)
      for (const q of c.queries) expect(diagnosticsOf(K.KustoCode.ParseAndAnalyze(q, globals)), c.title).toEqual([]);
  });

  it('every column the mde pipeline maps to exists in its table', () => {
    const missing: string[] = [];
    for (const ls of mde.logsources ?? []) {
      const columns = tables.get(ls.table ?? '');
      if (!columns) {
        missing.push(`table ${ls.table}`);
        continue;
      }
      const derived = new Set(Object.keys(ls.derived ?? {}));
      const targets = [...Object.values({ ...mde.fields, ...ls.fields }).flat(), ...Object.keys(ls.conditions ?? {})];
      for (const t of targets)
        if (t !== 'Hashes' && !derived.has(t) && !columns.has(t))
          missing.push(`${ls.match.category}: ${ls.table}.${t}`);
    }
    expect(missing).toEqual([]);
  });
});
