/** `tripline hunt` defaults to the bundled rules only (filters opt-in) and `--filter` adds tuning filters. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRules } from '../../src/cli/bundled.js';
import { runHunt } from '../../src/cli/hunt.js';
import { renderEvents, resolveScenarios, simulate } from '../../src/simulate/index.js';

const pack = bundledRules(path.resolve(import.meta.dirname, '../../content'));
const dir = mkdtempSync(path.join(tmpdir(), 'tripline-hunt-bundled-'));
const log = path.join(dir, 'sccm.jsonl');
writeFileSync(
  log,
  renderEvents(simulate(resolveScenarios('fp-sccm-setup-powershell'), { seed: 3 }), 'sysmon-jsonl').data,
);

async function ruleIds(filter?: string[]): Promise<string[]> {
  let out = '';
  const code = await runHunt(
    [log],
    { format: 'jsonl', quiet: true, workers: '1', filter },
    {
      stdout: (t) => {
        out += t;
      },
      stderr: () => {},
      contentDir: pack.rules,
    },
  );
  expect(code).toBe(0);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => r.type === 'detection')
    .map((r) => r.rule_id)
    .sort();
}

describe('hunt with the bundled pack', () => {
  it('runs the rules without any tuning filter by default', async () => {
    // The SCCM deployment is a documented false positive of both installer rules (Sysmon 1 only by default).
    expect(await ruleIds()).toEqual(['d89794aa-c28e-4870-aa9b-ac42e8aed4bf', 'e6f77c2f-367e-4736-9a21-edde3bb2921f']);
  });

  it('--filter applies a tuning filter on top of the rules', async () => {
    expect(await ruleIds([path.join(pack.filters, 'mf_sccm_deployments.yml')])).toEqual([]);
  });
});
