/**
 * The whole SigmaHQ corpus converted to `sql` (DuckDB): every converted query is bound and planned by
 * DuckDB (EXPLAIN) against the events table with zero errors; conversion counts and the top reasons for
 * unsupported rules are printed. Skipped when ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { convertRuleSet, TARGETS } from '../../src/backends/index.js';
import { DUCKDB } from '../../src/backends/sql-duckdb.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import { loadRules } from '../../src/ruleset/load.js';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus/sigma');

describe.skipIf(!existsSync(corpus))('sql (DuckDB) over the SigmaHQ corpus', () => {
  it('plans every converted query without an error', { timeout: 600_000 }, async () => {
    const tripline = builtinPipeline('tripline');
    if (!tripline) throw new Error('tripline pipeline is not registered');
    const conversions = convertRuleSet(await loadRules([corpus]), TARGETS.sql, [tripline]);
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(DUCKDB.ddl());
    const failures: string[] = [];
    const reasons = new Map<string, number>();
    let converted = 0;
    for (const c of conversions) {
      if (c.errors.length > 0) {
        const reason = c.errors[0].message.replace(/^rule '.*?': /, '').replace(/'[^']*'/g, "'…'");
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        continue;
      }
      converted++;
      for (const q of c.queries) {
        try {
          await conn.run(`EXPLAIN ${q}`);
        } catch (e) {
          failures.push(`${c.file}: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `sql corpus: ${converted} converted, ${conversions.length - converted} unsupported of ${conversions.length}`,
    );
    for (const [r, n] of top) console.log(`  ${n} × ${r}`);
    conn.closeSync();
    expect(failures.slice(0, 20)).toEqual([]);
    expect(converted).toBeGreaterThan(3000);
  });
});
