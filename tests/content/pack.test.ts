/** The T1195 content pack: every rule loads cleanly and its tripline metadata agrees with the simulator's scenarios. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorrelationRule, DetectionRule, FilterRule } from '../../src/ir/types.js';
import { loadRules } from '../../src/ruleset/load.js';
import { SCENARIOS } from '../../src/simulate/index.js';

const root = path.resolve(__dirname, '../../content/t1195');
const set = await loadRules([root]);
const rules = set.entries.map((e) => e.rule).filter((r) => r !== undefined && r.kind !== 'filter') as (
  | DetectionRule
  | CorrelationRule
)[];
const filters = set.filters as readonly FilterRule[];
const scenarioIds = new Set(SCENARIOS.map((s) => s.id));
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Meta {
  confidence: string;
  data_sources: { component: string; source: string }[];
  required_tables: Record<string, string[]>;
  tuning: { description: string; filter: string }[];
  investigation: string;
  playbook: string;
  hunting: string[];
  related: string[];
  tests: { fire: string[]; quiet: string[] };
}
const idOf = (ref: string) => rules.find((r) => r.meta.name === ref)?.meta.id ?? ref;
const meta = (r: DetectionRule | CorrelationRule) => r.meta.custom.tripline as Meta;

describe('T1195 content pack', () => {
  it('loads with no diagnostics at all', () => {
    expect(set.diagnostics.map((d) => `${d.file}:${d.span?.line} ${d.code} ${d.message}`)).toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(18);
    expect(filters.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rules.map((r) => [path.basename(r.origin.file), r] as const))(
    '%s has Sigma and tripline metadata',
    (_f, r) => {
      expect(r.meta.id).toMatch(UUID4);
      expect(['experimental', 'test']).toContain(r.meta.status);
      expect(r.meta.tags).toContain('attack.initial-access');
      expect(r.meta.tags.some((t) => /^attack\.t1195(\.00[123])?$/.test(t))).toBe(true);
      const m = meta(r);
      expect(['low', 'medium', 'high']).toContain(m.confidence);
      expect(m.data_sources.length).toBeGreaterThan(0);
      for (const k of ['mde', 'sentinel', 'splunk', 'elastic', 'secops', 'qradar', 'sumo', 'logscale']) {
        expect(m.required_tables[k]?.length, `required_tables.${k}`).toBeGreaterThan(0);
      }
      expect(m.investigation.length).toBeGreaterThan(20);
      expect(m.playbook.length).toBeGreaterThan(10);
      expect(m.hunting.length).toBeGreaterThan(0);
    },
  );

  it.each(rules.map((r) => [path.basename(r.origin.file), r] as const))('%s: tests name real scenarios', (_f, r) => {
    const { fire, quiet } = meta(r).tests;
    expect(fire.length).toBeGreaterThan(0);
    for (const id of [...fire, ...quiet]) expect(scenarioIds, id).toContain(id);
    for (const id of fire) expect(SCENARIOS.find((s) => s.id === id)?.kind).not.toBe('benign');
    for (const id of quiet) expect(SCENARIOS.find((s) => s.id === id)?.kind).toBe('benign');
  });

  it.each(rules.map((r) => [path.basename(r.origin.file), r] as const))(
    '%s: each false positive has a quiet scenario',
    (_f, r) => {
      const quiet = SCENARIOS.filter((s) => meta(r).tests.quiet.includes(s.id));
      for (const fp of r.meta.falsepositives) {
        const tied = quiet.filter((s) => s.falsePositives?.includes(fp));
        expect(
          tied.map((s) => s.id),
          `no quiet scenario exercises: ${fp}`,
        ).not.toEqual([]);
      }
    },
  );

  it.each(rules.map((r) => [path.basename(r.origin.file), r] as const))(
    '%s: tuning filters exist and refer to it',
    (_f, r) => {
      for (const t of meta(r).tuning) {
        const file = path.resolve(path.dirname(r.origin.file), t.filter);
        expect(existsSync(file), file).toBe(true);
        const filter = filters.find((f) => path.resolve(f.origin.file) === file);
        // A correlation is tuned through the rules it correlates.
        const targets = r.kind === 'correlation' ? r.rules.map(idOf) : [r.meta.id];
        expect(
          filter?.rules.some((x) => targets.includes(x)),
          `${t.filter} must list ${targets}`,
        ).toBe(true);
      }
    },
  );

  it('related ids point at rules of the pack', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    for (const r of rules) for (const id of meta(r).related) expect(ids, `${r.meta.title} -> ${id}`).toContain(id);
  });

  it('every false-positive text a scenario names is a falsepositives entry of some rule', () => {
    const all = new Set(rules.flatMap((r) => r.meta.falsepositives));
    for (const s of SCENARIOS) for (const fp of s.falsePositives ?? []) expect(all, `${s.id}: ${fp}`).toContain(fp);
  });

  it('every filter is opt-in tuning that names its --filter use', () => {
    for (const f of filters) expect(f.meta.description ?? '').toContain('--filter');
  });

  it('the drop-then-execute correlation joins TargetFilename and Image through an alias', () => {
    const c = set.correlations.find((x) => x.type === 'temporal_ordered');
    expect(c?.aliases.path).toEqual({ installer_drop_in_temp: 'TargetFilename', process_started_from_temp: 'Image' });
    expect(c?.timespanMs).toBe(300_000);
  });
});
