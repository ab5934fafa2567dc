/**
 * The parsed-rule cache gives back exactly what parsing gives (rules, diagnostics, frozen), and never a
 * stale entry: a changed file is parsed again.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleCache } from '../../src/ruleset/cache.js';
import { loadRules } from '../../src/ruleset/load.js';

const dir = mkdtempSync(join(tmpdir(), 'tripline-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RULE = (value: string) => `title: t
id: 11111111-1111-4111-8111-111111111111
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
  const cache = new RuleCache(join(dir, 'cache'));

  it('returns what parsing returns, frozen, and re-parses a changed file', async () => {
    rmSync(rules, { recursive: true, force: true });
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, 'r.yml'), RULE('a'));
    const plain = await loadRules([rules], { keepDocuments: false });
    const cold = await loadRules([rules], { keepDocuments: false, cache });
    const warm = await loadRules([rules], { keepDocuments: false, cache });
    for (const set of [cold, warm]) {
      expect(set.detections).toEqual(plain.detections);
      expect(set.diagnostics).toEqual(plain.diagnostics);
    }
    expect(plain.diagnostics.map((d) => d.code)).toEqual(['TL104']);
    expect(Object.isFrozen(warm.detections[0].expr)).toBe(true);

    writeFileSync(join(rules, 'r.yml'), RULE('changed'));
    const after = await loadRules([rules], { keepDocuments: false, cache });
    expect(JSON.stringify(after.detections[0].expr)).toContain('changed');
  });

  it('treats a corrupt entry as a miss', () => {
    const bytes = new TextEncoder().encode('x');
    cache.set('f.yml', bytes, { rules: [], diagnostics: [] });
    expect(cache.get('f.yml', bytes)).toEqual({ rules: [], diagnostics: [] });
    for (const f of readdirSync(join(dir, 'cache'))) writeFileSync(join(dir, 'cache', f), '{not json');
    expect(cache.get('f.yml', bytes)).toBeUndefined();
  });
});
