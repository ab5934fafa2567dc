/**
 * Real data: every Windows rule of the SigmaHQ corpus over the EVTX-ATTACK-SAMPLES events, matched with the
 * literal index and by evaluating every routed rule; both must give identical results for every event.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RuleMatcher } from '../../src/engine/matcher.js';
import { prepareRules } from '../../src/engine/select.js';
import { loadRules } from '../../src/ruleset/load.js';
import type { LogEvent } from '../../src/sources/event.js';
import { expandInputs, readEvents } from '../../src/sources/index.js';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const rules = path.join(shared, 'corpus/sigma/rules/windows');
const samples = path.join(shared, 'samples/evtx/EVTX-ATTACK-SAMPLES');
const present = existsSync(rules) && existsSync(samples);

describe.skipIf(!present)('SigmaHQ Windows rules x EVTX-ATTACK-SAMPLES (needs ../shared)', () => {
  test('the literal index never changes a result', async () => {
    const set = await loadRules([rules]);
    const prepared = prepareRules(set.detections, set.correlations);
    expect(prepared.compiled.length).toBeGreaterThan(2000);
    const files = (await expandInputs([samples])).filter((f) => f.endsWith('.evtx'));
    const events: LogEvent[] = [];
    for (const f of files) for await (const e of readEvents(f)) events.push(e);
    expect(events.length).toBeGreaterThan(5000);
    const indexed = new RuleMatcher(prepared.compiled);
    const brute = new RuleMatcher(prepared.compiled, { index: false });
    let matches = 0;
    const differing: string[] = [];
    for (const e of events) {
      const a = indexed.match(e);
      const b = brute.match(e);
      matches += b.length;
      if (a.join() !== b.join()) differing.push(`${e.origin.file}#${e.origin.record}: ${a} vs ${b}`);
    }
    expect(differing.slice(0, 5)).toEqual([]);
    // Real attack samples fire many rules; the index must skip most of the work.
    expect(matches).toBeGreaterThan(500);
    expect(indexed.evaluated).toBeLessThan(brute.evaluated / 20);
  });
});
