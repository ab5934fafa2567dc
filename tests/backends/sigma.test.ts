/**
 * The `sigma` target round-trips: every case rule and every SigmaHQ corpus rule, parsed, written back as
 * Sigma YAML and parsed again, gives the same IR expression and log source (spans stripped).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleToSigma } from '../../src/backends/sigma.js';
import type { DetectionRule } from '../../src/ir/types.js';
import { loadRules, loadRuleTexts } from '../../src/ruleset/load.js';

const casesDir = resolve(import.meta.dirname, '../cases');
const corpus = resolve(import.meta.dirname, '../../../shared/corpus/sigma');

function strip(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (k, v) => (k === 'span' ? undefined : v)));
}

/** The rules whose re-parsed expression differs, with the emitted YAML. */
function roundTrip(rules: readonly DetectionRule[]): { total: number; unsupported: string[]; differ: string[] } {
  const unsupported: string[] = [];
  const differ: string[] = [];
  for (const rule of rules) {
    const yaml = ruleToSigma(rule);
    if (typeof yaml !== 'string') {
      unsupported.push(`${rule.origin.file}: ${yaml.unsupported}`);
      continue;
    }
    const again = loadRuleTexts({ 'x.yml': yaml }).detections[0];
    const same = again && JSON.stringify(strip(again.expr)) === JSON.stringify(strip(rule.expr));
    if (!same || JSON.stringify(again.logsource) !== JSON.stringify(rule.logsource))
      differ.push(`${rule.origin.file}\n${yaml}`);
  }
  return { total: rules.length, unsupported, differ };
}

describe('sigma target round trip', () => {
  it('case rules', () => {
    const texts = Object.fromEntries(
      readdirSync(casesDir)
        .filter((f) => f.endsWith('.yml'))
        .map((f) => [f, readFileSync(join(casesDir, f), 'utf8')]),
    );
    const r = roundTrip(loadRuleTexts(texts).detections);
    expect(r.differ).toEqual([]);
    expect(r.unsupported).toEqual([]);
  });

  it.skipIf(!existsSync(corpus))('the SigmaHQ corpus', { timeout: 600_000 }, async () => {
    const r = roundTrip((await loadRules([corpus])).detections);
    console.log(`sigma round trip: ${r.total} rules, ${r.unsupported.length} unsupported, ${r.differ.length} differ`);
    expect(r.differ.slice(0, 3)).toEqual([]);
    expect(r.unsupported.slice(0, 5)).toEqual([]);
  });
});
