/**
 * The engine and the SQL target agree on real logs: the EVTX-ATTACK-SAMPLES and Hayabusa sample files in
 * ../shared/samples/evtx, read by tripline's own EVTX reader, hunted with every Windows rule of the SigmaHQ
 * corpus, then loaded into DuckDB and queried with each rule's `sql` conversion. Every rule the engine fires
 * is compared event for event, and so is a sample of the rules it does not fire (DuckDB must return none).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertDetection } from '../../src/backends/convert.js';
import { SQL } from '../../src/backends/sql-targets.js';
import { builtinPipeline, type PipelineSpec } from '../../src/pipelines/index.js';
import { loadRules } from '../../src/ruleset/load.js';
import type { LogEvent } from '../../src/sources/event.js';
import { expandInputs, readEvents } from '../../src/sources/index.js';
import { type EventDb, openEventDb } from '../../src/testing/duckdb.js';
import { runEngine } from '../../src/testing/engine-run.js';

const shared = resolve(import.meta.dirname, '../../../shared');
const samples = resolve(shared, 'samples/evtx');
const rules = resolve(shared, 'corpus/sigma/rules/windows');
const QUIET_SAMPLE_EVERY = 20;

describe.skipIf(!existsSync(samples) || !existsSync(rules))('engine == DuckDB on the real EVTX samples', () => {
  let db: EventDb;
  beforeAll(async () => {
    db = await openEventDb();
  });
  afterAll(() => db?.close());

  it('matches the same events for every rule that fires and a sample of those that do not', async () => {
    const events: LogEvent[] = [];
    for (const file of await expandInputs([samples])) for await (const e of readEvents(file)) events.push(e);
    const set = await loadRules([rules], { keepDocuments: false });
    const run = runEngine(set.detections, [], events);
    await db.load(events);
    const pipelines = [builtinPipeline('tripline')] as PipelineSpec[];
    const mismatches: string[] = [];
    let compared = 0;
    let fired = 0;
    let quietIndex = 0;
    for (const rule of set.detections) {
      const engine = run.matches.get(rule) ?? [];
      if (engine.length === 0 && quietIndex++ % QUIET_SAMPLE_EVERY !== 0) continue;
      const { conversion } = convertDetection(rule, SQL, pipelines);
      if (conversion.errors.length > 0 || run.skipped.some((s) => s.startsWith(`${rule.meta.title}:`))) continue;
      const sql = await db.keys(conversion.queries[0]);
      compared++;
      if (engine.length > 0) fired++;
      if ([...engine].sort().join() !== [...sql].sort().join()) {
        mismatches.push(`${rule.origin.file}: engine ${engine.length}, DuckDB ${sql.length}`);
      }
    }
    console.log(`${events.length} sample events; ${compared} rules compared, ${fired} of them fire`);
    expect(events.length).toBeGreaterThan(20_000);
    expect(fired).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });
});
