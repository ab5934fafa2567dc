/**
 * The T1195 pack (content/) and the whole SigmaHQ corpus export to every platform without a crash: every rule is
 * either written or listed in skipped.json with a positioned reason. Counts per platform are printed; the
 * Elastic bodies of the whole corpus are validated against the detection-rules API schemas.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { exportRuleSet, PLATFORMS } from '../../src/export/index.js';
import { loadRules } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';
import { options, repoRoot, schemasDir, shared } from './helpers.js';

const corpus = resolve(shared, 'corpus/sigma');
const elasticSchemas = join(schemasDir, 'elastic/detection-rules-api-schemas-9.5');

/** Rules that raise alerts (base rules of non-generating correlations only feed them). */
function visibleCount(rs: RuleSet): number {
  const hidden = new Set(rs.correlations.filter((c) => !c.generate).flatMap((c) => c.rules));
  const shown = rs.detections.filter((d) => !hidden.has(d.meta.id ?? '') && !hidden.has(d.meta.name ?? ''));
  return shown.length + rs.correlations.length;
}

function exportAll(rs: RuleSet, label: string): Map<string, string[]> {
  const total = visibleCount(rs);
  const ndjson = new Map<string, string[]>();
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
    ndjson.set(
      name,
      r.files
        .find((f) => f.path === 'rules.ndjson')
        ?.content.trim()
        .split('\n')
        .filter(Boolean) ?? [],
    );
  }
  console.log(lines.join('\n'));
  return ndjson;
}

describe('T1195 pack exports to every platform', () => {
  it('writes or skips with a reason every rule', async () => {
    exportAll(await loadRules([resolve(repoRoot, 'content')]), 'content/t1195');
  });
});

describe.skipIf(!existsSync(corpus))(`SigmaHQ corpus exports to every platform (${corpus})`, () => {
  it('writes or skips with a reason every rule; Elastic bodies validate', async () => {
    const rs = await loadRules([corpus]);
    expect(rs.detections.length).toBeGreaterThan(3000);
    const bodies = exportAll(rs, 'sigma corpus').get('elastic') ?? [];
    expect(bodies.length).toBeGreaterThan(3000);
    if (!existsSync(elasticSchemas)) return console.log(`skipped Elastic schema check: ${elasticSchemas} absent`);
    const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
    const byType = new Map<string, ReturnType<Ajv['compile']>>();
    const invalid: string[] = [];
    for (const line of bodies) {
      const body = JSON.parse(line) as { type: string; name: string };
      let v = byType.get(body.type);
      if (!v) {
        v = ajv.compile(JSON.parse(readFileSync(join(elasticSchemas, `9.5.${body.type}.json`), 'utf8')));
        byType.set(body.type, v);
      }
      if (!v(body)) invalid.push(`${body.name}: ${JSON.stringify(v.errors)}`);
    }
    expect(invalid.slice(0, 5)).toEqual([]);
  });
});
