/**
 * The parsed-rule cache gives back exactly what parsing gives (rules, diagnostics, frozen), never a stale
 * entry (a changed file is parsed again), and treats a corrupt cache file as empty.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { RuleCache } from '../../src/ruleset/cache.js';
import { loadRules } from '../../src/ruleset/load.js';
import { loadRulesInParallel } from '../../src/ruleset/parallel.js';

const dir = mkdtempSync(join(tmpdir(), 'tripline-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RULE = (value: string) => `title: t ${value}
logsource: {category: process_creation, product: windows}
detection:
  sel:
    CommandLine|contains|all: ['${value}', 'b']
    Image|endswith: '\\\\x.exe'
  typo:
    C|contians: x
  condition: sel or typo
`;

describe('parsed-rule cache', () => {
  const rules = join(dir, 'rules');
  const cacheDir = join(dir, 'cache');
  beforeEach(() => {
    rmSync(rules, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, 'a.yml'), RULE('a'));
    writeFileSync(join(rules, 'b.yml'), RULE('b'));
  });

  it('returns what parsing returns, frozen, and re-parses a changed file', async () => {
    const plain = await loadRules([rules], { keepDocuments: false });
    const cold = await loadRulesInParallel([rules], { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const warm = await loadRulesInParallel([rules], { cacheDir });
    for (const set of [cold, warm]) {
      expect(set.detections).toEqual(plain.detections);
      expect(set.diagnostics).toEqual(plain.diagnostics);
    }
    expect(plain.diagnostics.map((d) => d.code)).toEqual(['TL104', 'TL104']);
    expect(Object.isFrozen(warm.detections[0].expr)).toBe(true);

    writeFileSync(join(rules, 'b.yml'), RULE('changed'));
    const after = await loadRulesInParallel([rules], { cacheDir });
    expect(after.detections.map((r) => r.meta.title)).toEqual(['t a', 't changed']);
  });

  it('keeps what a run hit or parsed, and only the rule set it belongs to', async () => {
    await loadRulesInParallel([rules], { cacheDir });
    const cache = new RuleCache(cacheDir, [rules]);
    const bytes = new TextEncoder().encode(RULE('a'));
    expect(cache.get(join(rules, 'a.yml'), bytes)?.rules).toHaveLength(1);
    expect(cache.get(join(rules, 'a.yml'), new TextEncoder().encode(RULE('x')))).toBeUndefined();
    expect(new RuleCache(cacheDir, [join(rules, 'a.yml')]).get(join(rules, 'a.yml'), bytes)).toBeUndefined();
  });

  it('treats a corrupt cache file as empty, and repairs it', async () => {
    await loadRulesInParallel([rules], { cacheDir });
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), '{not json');
    const set = await loadRulesInParallel([rules], { cacheDir });
    expect(set.detections).toHaveLength(2);
    const bytes = new TextEncoder().encode(RULE('a'));
    expect(new RuleCache(cacheDir, [rules]).get(join(rules, 'a.yml'), bytes)).toBeDefined();
  });
});
