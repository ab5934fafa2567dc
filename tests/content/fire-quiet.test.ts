/**
 * The T1195 pack proven on simulated telemetry: every rule fires on each of its fire scenarios and stays quiet
 * on each quiet scenario in the engine (docs/testing.md), DuckDB running the `sql` target matches exactly the
 * engine's events, and `tripline test` over the whole pack exits 0. Then the same engine == DuckDB differential
 * for a sample of SigmaHQ process_creation rules over the simulated scenarios and background.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertDetection } from '../../src/backends/index.js';
import { SQL } from '../../src/backends/sql-targets.js';
import { bundledRules } from '../../src/cli/bundled.js';
import { runTest } from '../../src/cli/test.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import type { PipelineSpec } from '../../src/pipelines/types.js';
import { loadRules } from '../../src/ruleset/load.js';
import { SCENARIOS } from '../../src/simulate/index.js';
import { type EventDb, openEventDb } from '../../src/testing/duckdb.js';
import { runEngine } from '../../src/testing/engine-run.js';
import { backgroundEvents, scenarioEvents } from '../../src/testing/events.js';
import { testRules } from '../../src/testing/run.js';
import type { RuleReport, TestReport } from '../../src/testing/types.js';

const pack = bundledRules(path.resolve(import.meta.dirname, '../../content'));
/** Rules whose `sql` conversion is unsupported, with the reason the differential cannot run. */
const SQL_UNSUPPORTED: Record<string, RegExp> = {
  updater_outbound_nonstandard_port: /IPv6 network/,
};
const stem = (r: RuleReport) => path.basename(r.file, '.yml');

describe('T1195 pack on simulated telemetry', () => {
  let report: TestReport;
  beforeAll(async () => {
    report = await testRules({ rules: [pack.rules], seed: 1, background: 2000, targets: ['sql', 'kql', 'sigma'] });
  });

  it('loads and simulates without problems', () => {
    expect(report.problems).toEqual([]);
    expect(report.rules.length).toBe(18);
    expect(report.backgroundEvents).toBe(2000);
  });

  const names = readdirSync(pack.rules).map((f) => f.replace(/\.yml$/, ''));
  it.each(names)('%s fires on its fire scenarios and stays quiet on its quiet scenarios', (name) => {
    const r = report.rules.find((x) => stem(x) === name);
    const get = (c: string) => r?.checks.find((x) => x.check === c);
    expect(get('fire'), JSON.stringify(get('fire'))).toMatchObject({ status: 'pass' });
    expect(get('quiet'), JSON.stringify(get('quiet'))).toMatchObject({ status: 'pass' });
  });

  it.each(names)('%s: DuckDB running the sql target agrees with the engine', (name) => {
    const check = report.rules.find((x) => stem(x) === name)?.checks.find((x) => x.check === 'sql-diff');
    if (SQL_UNSUPPORTED[name]) expect(check?.detail).toMatch(SQL_UNSUPPORTED[name]);
    else expect(check, JSON.stringify(check)).toMatchObject({ status: 'pass' });
  });

  it('tuning filters lower the background alert rate and never raise it', () => {
    for (const r of report.rules) expect(r.falsePositives.after).toBeLessThanOrEqual(r.falsePositives.before);
    const tunedAway = report.rules.filter((r) => r.falsePositives.before > 0 && r.falsePositives.after === 0);
    expect(tunedAway.length).toBeGreaterThan(3);
  });

  it('`tripline test` over the whole pack exits 0 with a JSON report', async () => {
    let out = '';
    const code = await runTest(
      [],
      { format: 'json', background: '500' },
      (t) => {
        out += t;
      },
      () => {},
    );
    const json = JSON.parse(out);
    expect(code).toBe(0);
    expect(json.failures).toBe(0);
    expect(json.columns).toEqual(expect.arrayContaining(['fire', 'quiet', 'sql-diff', 'kql', 'spl', 'sql']));
  });
});

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus/sigma/rules/windows/process_creation');
const SAMPLE_EVERY = 8;

describe.skipIf(!existsSync(corpus))('engine == DuckDB on SigmaHQ process_creation rules over simulated events', () => {
  let db: EventDb;
  beforeAll(async () => {
    db = await openEventDb();
  });
  afterAll(() => db?.close());

  it(`every ${SAMPLE_EVERY}th rule matches the same events in both`, async () => {
    const files = readdirSync(corpus)
      .filter((f) => f.endsWith('.yml'))
      .sort();
    const sample = files.filter((_f, i) => i % SAMPLE_EVERY === 0).map((f) => path.join(corpus, f));
    const set = await loadRules(sample);
    const problems: string[] = [];
    const events = [
      ...SCENARIOS.flatMap((s) => scenarioEvents(s, 7, problems)),
      ...backgroundEvents(3000, 7, problems),
    ];
    expect(problems).toEqual([]);
    await db.load(events);
    const run = runEngine(set.detections, [], events);
    const pipelines = [builtinPipeline('tripline')] as PipelineSpec[];
    const mismatches: string[] = [];
    let compared = 0;
    let matched = 0;
    for (const rule of set.detections) {
      const { conversion } = convertDetection(rule, SQL, pipelines);
      const engine = run.matches.get(rule);
      if (conversion.errors.length || engine === undefined || run.skipped.some((s) => s.startsWith(rule.meta.title)))
        continue;
      const sql = await db.keys(conversion.queries[0]);
      compared++;
      matched += engine.length;
      if ([...engine].sort().join() !== [...sql].sort().join())
        mismatches.push(`${rule.origin.file}: engine ${engine.length}, DuckDB ${sql.length}`);
    }
    console.log(`${compared} corpus rules compared over ${events.length} events; ${matched} matches in both`);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(sample.length * 0.9);
    expect(matched).toBeGreaterThan(0);
  });
});
