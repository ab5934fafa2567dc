/**
 * The T1195 pack (content/) and the whole SigmaHQ corpus export to every platform without a crash: every rule is
 * either written or listed in skipped.json with a positioned reason. Counts per platform are printed; the
 * corpus's Elastic bodies, Sentinel ARM resources and templates, and LogScale resources are validated against
 * the published schemas.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type ExportResult, exportRuleSet, PLATFORMS } from '../../src/export/index.js';
import { loadRules } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';
import { options, repoRoot, shared } from './helpers.js';
import {
  alertRules,
  armPropertiesValidator,
  constraintsDir,
  crdDir,
  crdValidator,
  elasticDir,
  elasticValidators,
  sentinelConstraints,
  templateProblems,
} from './validators.js';

const corpus = resolve(shared, 'corpus/sigma');

/** Rules that raise alerts (base rules of non-generating correlations only feed them). */
function visibleCount(rs: RuleSet): number {
  const hidden = new Set(rs.correlations.filter((c) => !c.generate).flatMap((c) => c.rules));
  const shown = rs.detections.filter((d) => !hidden.has(d.meta.id ?? '') && !hidden.has(d.meta.name ?? ''));
  return shown.length + rs.correlations.length;
}

function exportAll(rs: RuleSet, label: string): Map<string, ExportResult> {
  const total = visibleCount(rs);
  const results = new Map<string, ExportResult>();
  const lines: string[] = [];
  for (const [name, platform] of Object.entries(PLATFORMS)) {
    const r = exportRuleSet(rs, platform, options());
    expect((r.exported ?? 0) + r.skipped.length, `${label} ${name}: every rule accounted for`).toBe(total);
    for (const s of r.skipped) {
      expect(s.reason, `${s.file}`).not.toBe('');
      expect(s.line).toBeGreaterThan(0);
    }
    const limits = new Map<string, number>();
    for (const s of r.skipped) limits.set(s.limit, (limits.get(s.limit) ?? 0) + 1);
    const why = [...limits].map(([k, v]) => `${k} ${v}`).join(', ');
    lines.push(`${label} -> ${name}: ${r.exported} exported, ${r.skipped.length} skipped${why ? ` (${why})` : ''}`);
    results.set(name, r);
  }
  console.log(lines.join('\n'));
  return results;
}

describe('T1195 pack exports to every platform', () => {
  it('writes or skips with a reason every rule', async () => {
    exportAll(await loadRules([resolve(repoRoot, 'content')]), 'content/t1195');
  });
});

const content = (r: ExportResult | undefined, path: string) => r?.files.find((f) => f.path === path)?.content ?? '';

describe.skipIf(!existsSync(corpus))(`SigmaHQ corpus exports to every platform (${corpus})`, () => {
  it('writes or skips with a reason every rule; Elastic, Sentinel and LogScale output validates', async () => {
    const rs = await loadRules([corpus]);
    expect(rs.detections.length).toBeGreaterThan(3000);
    const results = exportAll(rs, 'sigma corpus');
    const bodies = content(results.get('elastic'), 'rules.ndjson').trim().split('\n').filter(Boolean);
    expect(bodies.length).toBeGreaterThan(3000);
    const invalid: string[] = [];
    if (existsSync(elasticDir)) {
      const validator = elasticValidators();
      for (const line of bodies) {
        const body = JSON.parse(line) as { type: string; name: string };
        const v = validator(body.type);
        if (!v(body)) invalid.push(`elastic ${body.name}: ${JSON.stringify(v.errors)}`);
      }
    } else console.log(`skipped Elastic schema check: ${elasticDir} absent`);
    const sentinel = results.get('sentinel');
    if (existsSync(alertRules)) {
      const v = armPropertiesValidator();
      const arm = JSON.parse(content(sentinel, 'azuredeploy.json')) as {
        resources: { properties: { displayName: string } }[];
      };
      expect(arm.resources.length).toBe(sentinel?.exported);
      for (const res of arm.resources)
        if (!v(res.properties)) invalid.push(`arm ${res.properties.displayName}: ${JSON.stringify(v.errors)}`);
    } else console.log(`skipped Sentinel ARM check: ${alertRules} absent`);
    if (existsSync(constraintsDir)) {
      const c = sentinelConstraints();
      for (const f of sentinel?.files.filter((x) => x.path.startsWith('Detections/')) ?? [])
        for (const p of templateProblems(parseYaml(f.content), c)) invalid.push(`template ${f.path}: ${p}`);
    } else console.log(`skipped Sentinel template check: ${constraintsDir} absent`);
    if (existsSync(crdDir)) {
      const byKind = new Map<string, ReturnType<typeof crdValidator>>();
      for (const f of results.get('logscale')?.files.filter((x) => x.path.startsWith('alerts/')) ?? []) {
        const doc = parseYaml(f.content) as { kind: string };
        const v = byKind.get(doc.kind) ?? crdValidator(doc.kind);
        byKind.set(doc.kind, v);
        if (!v(doc)) invalid.push(`crd ${f.path}: ${JSON.stringify(v.errors)}`);
      }
    } else console.log(`skipped LogScale CRD check: ${crdDir} absent`);
    expect(invalid.slice(0, 5)).toEqual([]);
  });
});
