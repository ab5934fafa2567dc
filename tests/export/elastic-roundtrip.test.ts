/**
 * Elastic round trip: every exported TOML, read back with importElasticToml, gives the rule's metadata
 * (id, title, level, status, description, ATT&CK and other tags, false positives, references, author, dates,
 * confidence, investigation guide, playbook and data sources). Bad TOML gives a positioned diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { importElasticToml } from '../../src/export/elastic-import.js';
import { attackTags, triplineOf } from '../../src/export/meta.js';
import { ruleTactics } from '../../src/export/threat.js';
import type { RuleMeta } from '../../src/ir/types.js';
import { loadRules } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';
import { exportTo, fixtureRules, hasAttack, options, repoRoot } from './helpers.js';

/**
 * The rule's tags as Elastic can carry them: Elastic nests a sub-technique under its parent and files every
 * technique under a tactic, so a tagged sub-technique brings its parent, and a technique whose tactic is not
 * tagged brings that tactic (ATT&CK's own). Everything else must come back exactly.
 */
function impliedTags(m: RuleMeta): string[] {
  const attack = options().attack;
  const { techniques } = attackTags(m);
  const ids = [...new Set(techniques.flatMap((t) => [t, t.split('.')[0]]))];
  return [
    ...m.tags.filter((t) => !/^attack\./i.test(t)),
    ...ruleTactics(m, attack).map((t) => `attack.${t.shortname}`),
    ...ids.map((t) => `attack.${t.toLowerCase()}`),
  ].sort();
}

function expectRoundTrip(ruleSet: RuleSet): number {
  const r = exportTo(ruleSet, 'elastic');
  const rules = [...ruleSet.detections, ...ruleSet.correlations];
  let checked = 0;
  for (const f of r.files.filter((x) => x.path.endsWith('.toml'))) {
    const back = importElasticToml(f.content, f.path);
    if ('code' in back) throw new Error(back.message);
    const rule = rules.find((x) => x.meta.title === back.title);
    if (!rule) throw new Error(`no rule titled ${back.title}`);
    const m = rule.meta;
    const tm = triplineOf(m);
    expect({
      id: back.id,
      level: back.level,
      status: back.status,
      description: back.description,
      author: back.author,
      date: back.date,
      modified: back.modified,
      references: back.references,
      falsepositives: back.falsepositives,
      tags: [...back.tags].sort(),
      confidence: back.tripline.confidence,
      investigation: back.tripline.investigation,
      playbook: back.tripline.playbook,
      data_sources: back.tripline.data_sources?.map((d) => `${d.component}|${d.source}`),
    }).toEqual({
      id: m.id,
      level: m.level ?? 'medium',
      status: m.status,
      description: (m.description ?? m.title).trim(),
      author: m.author,
      date: m.date,
      modified: m.modified,
      references: m.references,
      falsepositives: m.falsepositives,
      tags: impliedTags(m),
      confidence: tm.confidence,
      investigation: tm.investigation?.trim(),
      playbook: tm.playbook?.trim(),
      data_sources: tm.dataSources.length ? tm.dataSources.map((d) => `${d.component}|${d.source}`) : undefined,
    });
    checked++;
  }
  return checked;
}

describe.skipIf(!hasAttack)('elastic TOML round trip (needs ../shared/attack for tactic ids)', () => {
  it('fixture rules come back with the same metadata', async () => {
    expect(expectRoundTrip(await fixtureRules())).toBe(4);
  });
  it('the T1195 pack comes back with the same metadata', async () => {
    const pack = await loadRules([`${repoRoot}/content`]);
    expect(expectRoundTrip(pack)).toBeGreaterThan(10);
  });
});

describe('elastic TOML import errors', () => {
  it.each([
    ['rule = [', 1],
    ['[metadata]\nmaturity = "production"\n', 1],
  ])('%j gives a read-error diagnostic', (text, line) => {
    const back = importElasticToml(text, 'bad.toml');
    expect('code' in back && back.code).toBe('TL001');
    expect('line' in back && back.line).toBe(line);
  });
});
