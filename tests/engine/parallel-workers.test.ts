/**
 * The parallel hunt with real worker threads. Workers only run from the build (dist/engine/hunt-worker.js;
 * from the TypeScript sources the runner stays in one thread), so this test drives the compiled runner:
 * a JSON-lines file cut into many small ranges, hunted on two workers, must give exactly the matches (in
 * order, lines renumbered), skipped records and totals of hunting it in one thread.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const built = (() => {
  try {
    return readFileSync(join(dist, 'engine/hunt-worker.js')).length > 0;
  } catch {
    return false;
  }
})();

describe.skipIf(!built)('parallel hunt on worker threads (built runner)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tripline-workers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives what one thread gives, over many ranges of one file', async () => {
    const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(dist, path)).href)) as T;
    const { runParallelHunt } = await load<typeof import('../../src/engine/parallel.js')>('engine/parallel.js');
    const { prepareRules } = await load<typeof import('../../src/engine/select.js')>('engine/select.js');
    const { loadRules } = await load<typeof import('../../src/ruleset/load.js')>('ruleset/load.js');

    // Good and malformed lines repeated to ~300 KiB: ranges of 16 KiB give ~20 units for two workers.
    const logs = ['sysmon.jsonl', 'security.jsonl', 'broken.jsonl'].map((f) =>
      readFileSync(join(root, 'tests/fixtures/hunt/logs', f), 'utf8').trimEnd(),
    );
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, `${Array.from({ length: 40 }, () => logs.join('\n')).join('\n')}\n`);
    const ruleSet = await loadRules([join(root, 'tests/fixtures/hunt/rules')], { keepDocuments: false });
    const prepared = prepareRules(ruleSet.detections, ruleSet.correlations);

    const hunt = async (workers: number, matchFields?: (readonly string[] | undefined)[]) => {
      const out = { matches: [] as unknown[], skips: [] as unknown[], totals: [] as unknown[] };
      await runParallelHunt({
        files: [file],
        prepared,
        range: {},
        workers,
        matchFields,
        splitBytes: 16 * 1024,
        onSkip: (s) => out.skips.push(s),
        onWarning: (s) => out.skips.push(s),
        onMatches: (_f, batch) => {
          for (const [i, e] of batch) out.matches.push([i, e.origin, e.timestamp, e.host, e.fields]);
        },
        onFileDone: (t) => out.totals.push({ ...t, evaluated: undefined }),
      });
      return out;
    };
    const one = await hunt(1);
    expect(one.matches.length).toBeGreaterThan(100);
    expect(one.skips.length).toBeGreaterThan(10);
    const two = await hunt(2);
    expect(two.matches).toEqual(one.matches);
    expect(two.skips.map((s) => JSON.stringify(s)).sort()).toEqual(one.skips.map((s) => JSON.stringify(s)).sort());
    expect(two.totals).toEqual(one.totals);

    // With `matchFields`, workers send only those fields of a match (here: every other rule keeps two).
    const keep = prepared.compiled.map((_, i) => (i % 2 === 0 ? ['Image', 'EventID'] : undefined));
    const slim = await hunt(2, keep);
    const projected = one.matches.map((m) => {
      const [i, origin, ts, host, fields] = m as [number, unknown, unknown, unknown, Record<string, unknown>];
      const kept = keep[i];
      if (!kept) return m;
      return [i, origin, ts, host, Object.fromEntries(kept.filter((f) => f in fields).map((f) => [f, fields[f]]))];
    });
    expect(projected.some((m, i) => m !== one.matches[i])).toBe(true);
    expect(slim.matches).toEqual(projected);
  }, 60_000);
});
