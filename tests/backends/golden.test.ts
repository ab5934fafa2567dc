/**
 * Golden files: every case rule in tests/cases is converted by every registered target (with its default
 * pipelines) into one snapshot file per target, tests/golden/<target>.txt. A missing, stale or orphaned
 * golden fails; `UPDATE_GOLDEN=1 npx vitest run tests/backends/golden.test.ts` rewrites them (never in CI).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertRuleSet, TARGETS } from '../../src/backends/index.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';

const root = resolve(import.meta.dirname, '..');
const casesDir = join(root, 'cases');
const goldenDir = join(root, 'golden');
const update = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;

function renderTarget(target: string): string {
  const dialect = TARGETS[target];
  const texts = Object.fromEntries(
    readdirSync(casesDir)
      .filter((f) => f.endsWith('.yml'))
      .sort()
      .map((f) => [`cases/${f}`, readFileSync(join(casesDir, f), 'utf8')]),
  );
  const pipelines = dialect.pipelines.default.map((n) => {
    const p = builtinPipeline(n);
    if (!p) throw new Error(`target ${target}: default pipeline '${n}' is not registered`);
    return p;
  });
  const out: string[] = [];
  for (const c of convertRuleSet(loadRuleTexts(texts), dialect, pipelines)) {
    out.push(`=== ${c.file} :: ${c.title}`);
    for (const q of c.queries) out.push(q);
    for (const e of c.errors) out.push(`!! ${e.line}:${e.column} ${e.message}`);
    for (const w of c.warnings) out.push(`~~ ${w.message}`);
  }
  return `${out.join('\n')}\n`;
}

describe('golden queries per target', () => {
  for (const target of Object.keys(TARGETS)) {
    it(target, () => {
      const file = join(goldenDir, `${target}.txt`);
      const actual = renderTarget(target);
      if (update) writeFileSync(file, actual);
      expect(existsSync(file), `missing ${file}: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
  it('has no orphaned golden files', () => {
    const orphans = readdirSync(goldenDir).filter((f) => f.endsWith('.txt') && !(f.slice(0, -4) in TARGETS));
    expect(orphans).toEqual([]);
  });
});
