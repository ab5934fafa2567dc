/**
 * QRadar AQL target: literal and LIKE/MATCHES properties (fast-check) checked with the structural checker's
 * tokenizer and a JS re-implementation of the operators, corner cases, goldens through the checker, and
 * coverage of the SigmaHQ corpus with the default `qradar` pipeline.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AQL, aqlString } from '../../src/backends/aql.js';
import { convertRuleSet } from '../../src/backends/convert.js';
import { fieldsOf } from '../../src/ir/expr.js';
import { MANY, pattern } from '../../src/ir/pattern.js';
import type { Pattern, StringMatch } from '../../src/ir/types.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import { loadRules, loadRuleTexts } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';
import { checkAql, pipelineFieldSet, tokenizeAql } from './checkers/aql.js';

/** Sigma field names of a rule set: unmapped fields pass through under their own names. */
function sigmaFields(rs: RuleSet): string[] {
  return [
    ...rs.detections.flatMap((r) => fieldsOf(r.expr)),
    ...rs.correlations.flatMap((c) => [...c.groupBy, ...(c.condition.field ? [c.condition.field] : [])]),
  ];
}

const corpus = resolve(import.meta.dirname, '../../../shared/corpus/sigma');
const cases = resolve(import.meta.dirname, '../cases');
const qradar = builtinPipeline('qradar')!;
const ctx = { rule: undefined as never, target: 'aql', warn: () => {} };
const hostile = fc.string({
  maxLength: 20,
  unit: fc.constantFrom('a', 'B', "'", '"', '\\', '%', '_', '*', '?', '/', '\n', 'é', '😀', ' ', '.'),
});

/** The operator and unescaped literal of a single-leaf emission `F OP 'lit'`. */
function leaf(p: Pattern, cased: boolean): { op: string; lit: string } {
  const node: StringMatch = { kind: 'string', field: 'Process Path', pattern: p, cased };
  const text = AQL.leaves.string(node, ctx) as string;
  const toks = tokenizeAql(text);
  expect(toks).toHaveLength(3);
  return { op: toks[1].value, lit: toks[2].value };
}

/** JS semantics of the AQL operators: LIKE/ILIKE (`%`, `_`), MATCHES/IMATCHES (whole-value Java regex), `=`. */
function aqlMatches(op: string, lit: string, value: string): boolean {
  if (op === '=') return value === lit;
  const ci = op === 'ILIKE' || op === 'IMATCHES';
  const source = op.endsWith('LIKE')
    ? lit
        .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
        .replace(/%/g, '[\\s\\S]*')
        .replace(/_/g, '[\\s\\S]')
    : lit.replace(/\(\?[ms]+:/g, '(?:');
  return new RegExp(`^(?:${source})$`, ci ? 'i' : '').test(value);
}

describe('AQL target', () => {
  it('string literals unescape to exactly the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(tokenizeAql(aqlString(s))).toEqual([{ kind: 'string', value: s }]);
      }),
      { numRuns: 300 },
    );
  });

  it('exact and contains values match the input and not a one-character variant', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (s, cased) => {
        const exact = leaf(pattern([s]), cased);
        expect(aqlMatches(exact.op, exact.lit, s)).toBe(true);
        expect(aqlMatches(exact.op, exact.lit, `${s}x`)).toBe(false);
        if (s.length > 0) expect(aqlMatches(exact.op, exact.lit, s.slice(1))).toBe(false);
        if (!cased) expect(aqlMatches(exact.op, exact.lit, s.toUpperCase())).toBe(true);
        if (s.length === 0) return;
        const contains = leaf(pattern([MANY, s, MANY]), cased);
        expect(aqlMatches(contains.op, contains.lit, `<${s}>`)).toBe(true);
        expect(aqlMatches(contains.op, contains.lit, `<${s.slice(1)}>`)).toBe(false);
      }),
      { numRuns: 600 },
    );
  });

  it('keeps a literal % or _ out of LIKE', () => {
    expect(leaf(pattern(['100%']), false).op).toBe('IMATCHES');
    expect(leaf(pattern([MANY, 'a_b']), true).op).toBe('MATCHES');
    expect(leaf(pattern([MANY, '\\cmd.exe']), false)).toEqual({ op: 'ILIKE', lit: '%\\cmd.exe' });
  });

  it('emits every golden case so that the checker accepts it', () => {
    const texts = Object.fromEntries(
      readdirSync(cases)
        .filter((f) => f.endsWith('.yml'))
        .map((f) => [f, readFileSync(join(cases, f), 'utf8')]),
    );
    const rs = loadRuleTexts(texts);
    const fields = new Set([...pipelineFieldSet(qradar), ...sigmaFields(rs)]);
    const out = convertRuleSet(rs, AQL, [qradar]);
    expect(out.filter((c) => c.queries.length).length).toBeGreaterThan(5);
    for (const c of out) for (const q of c.queries) expect(checkAql(q, fields), q).toEqual([]);
  });

  it('rejects malformed AQL in the checker', () => {
    const f = new Set(['Process Path']);
    expect(checkAql(`SELECT * FROM events WHERE "Process Path" ILIKE 'x LAST 24 HOURS`, f)).not.toEqual([]);
    expect(checkAql(`SELECT * FROM events WHERE "Nope" ILIKE 'x' LAST 24 HOURS`, f)).not.toEqual([]);
    expect(checkAql(`SELECT * FROM events WHERE ("Process Path" ILIKE 'x' LAST 24 HOURS`, f)).not.toEqual([]);
    expect(checkAql(`SELECT * FROM events WHERE "Process Path" ILIKE 'x' LIMIT 5`, f)).not.toEqual([]);
    expect(checkAql(`SELECT * FROM events WHERE "Process Path" ILIKE 'x' LAST 24 HOURS`, f)).toEqual([]);
  });
});

describe.skipIf(!existsSync(corpus))('AQL over the SigmaHQ corpus (qradar pipeline)', () => {
  it('converts at least as many rules as pySigma, every error named, every query well-formed', async () => {
    const rs = await loadRules([corpus]);
    const fields = new Set([...pipelineFieldSet(qradar), ...sigmaFields(rs)]);
    const out = convertRuleSet(rs, AQL, [qradar]);
    const converted = out.filter((c) => c.queries.length > 0);
    expect(converted.length).toBeGreaterThanOrEqual(2530);
    for (const c of out) {
      if (c.queries.length === 0) expect(c.errors.length).toBeGreaterThan(0);
      for (const e of c.errors) expect(e.check).toBe('unsupported');
      for (const q of c.queries) expect(checkAql(q, fields), `${c.file}\n${q}`).toEqual([]);
    }
  }, 120_000);
});
