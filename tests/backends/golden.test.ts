/**
 * Golden files: every case rule in tests/cases is converted by every registered target with its default
 * pipelines into tests/golden/<target>.txt, and with each other pipeline it lists as available (alone) into
 * tests/golden/<target>@<pipeline>.txt. A missing, stale or orphaned golden fails;
 * `UPDATE_GOLDEN=1 npx vitest run tests/backends/golden.test.ts [-t <target>]` rewrites them (never in CI).
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

/** Golden name -> [target, pipeline names]: defaults first, then every other available pipeline alone. */
function goldenRuns(): Map<string, [string, readonly string[]]> {
  const runs = new Map<string, [string, readonly string[]]>();
  for (const [target, dialect] of Object.entries(TARGETS)) {
    runs.set(target, [target, dialect.pipelines.default]);
    for (const p of dialect.pipelines.available)
      if (!dialect.pipelines.default.includes(p)) runs.set(`${target}@${p}`, [target, [p]]);
  }
  return runs;
}

function renderTarget(target: string, pipelineNames: readonly string[]): string {
  const dialect = TARGETS[target];
  const texts = Object.fromEntries(
    readdirSync(casesDir)
      .filter((f) => f.endsWith('.yml'))
      .sort()
      .map((f) => [`cases/${f}`, readFileSync(join(casesDir, f), 'utf8')]),
  );
  const pipelines = pipelineNames.map((n) => {
    const p = builtinPipeline(n);
    if (!p) throw new Error(`target ${target}: pipeline '${n}' is not registered`);
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
  const runs = goldenRuns();
  for (const [name, [target, pipelines]] of runs) {
    it(name, () => {
      const file = join(goldenDir, `${name}.txt`);
      const actual = renderTarget(target, pipelines);
      if (update) writeFileSync(file, actual);
      expect(existsSync(file), `missing ${file}: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
  it('has no orphaned golden files', () => {
    const orphans = readdirSync(goldenDir).filter((f) => f.endsWith('.txt') && !runs.has(f.slice(0, -4)));
    expect(orphans).toEqual([]);
  });
});
