/**
 * Sumo Logic target: string/regex literal properties (fast-check) checked with the structural checker's
 * tokenizer, a JS re-implementation of `matches` wildcards and RE2 for regex literals, goldens through the
 * checker, and coverage of the SigmaHQ corpus with the default `sumo-sysmon` pipeline.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertRuleSet } from '../../src/backends/convert.js';
import { SUMO, sumoString } from '../../src/backends/sumo.js';
import { fieldsOf } from '../../src/ir/expr.js';
import { MANY, pattern } from '../../src/ir/pattern.js';
import type { Pattern, StringMatch } from '../../src/ir/types.js';
import { compileRe2 } from '../../src/ir/validate.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import { loadRules, loadRuleTexts } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';
import { pipelineFieldSet } from './checkers/aql.js';
import { checkSumo, tokenizeSumo } from './checkers/sumo.js';

/** Sigma field names of a rule set: unmapped fields pass through under their own names. */
function sigmaFields(rs: RuleSet): string[] {
  return [
    ...rs.detections.flatMap((r) => fieldsOf(r.expr)),
    ...rs.correlations.flatMap((c) => [...c.groupBy, ...(c.condition.field ? [c.condition.field] : [])]),
  ];
}

const corpus = resolve(import.meta.dirname, '../../../shared/corpus/sigma');
const cases = resolve(import.meta.dirname, '../cases');
const sysmon = builtinPipeline('sumo-sysmon')!;
const ctx = { rule: undefined as never, target: 'sumo', warn: () => {} };
const hostile = fc.string({
  maxLength: 20,
  unit: fc.constantFrom('a', 'B', "'", '"', '\\', '%', '_', '*', '?', '/', '\n', 'é', '😀', ' ', '.'),
});
const NO_FLAGS = { ignoreCase: false, multiline: false, dotAll: false };

/** Evaluates a single-leaf Sumo emission against a value with the operators' documented semantics. */
function sumoEval(p: Pattern, cased: boolean, value: string): boolean {
  const node: StringMatch = { kind: 'string', field: 'CommandLine', pattern: p, cased };
  const toks = tokenizeSumo(SUMO.leaves.string(node, ctx) as string);
  const lowered = toks[0].value === 'toLowerCase';
  const subject = lowered ? value.toLowerCase() : value;
  const [op, lit] = lowered ? [toks[4], toks[5]] : [toks[1], toks[2]];
  if (op.value === '=') return subject === lit.value;
  if (lit.kind === 'regex') return compileRe2(lit.value, NO_FLAGS).matcher(value).find();
  const wild = lit.value
    .split('*')
    .map((x) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${wild}$`).test(subject);
}

describe('Sumo target', () => {
  it('string literals unescape to exactly the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lit = sumoString(s);
        if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s)) expect(lit).toBeUndefined();
        else expect(tokenizeSumo(lit as string)).toEqual([{ kind: 'string', value: s }]);
      }),
      { numRuns: 300 },
    );
  });

  it('exact, contains and wildcard values match the input and not a one-character variant', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (s, cased) => {
        expect(sumoEval(pattern([s]), cased, s)).toBe(true);
        expect(sumoEval(pattern([s]), cased, `${s}x`)).toBe(false);
        if (!cased) expect(sumoEval(pattern([s]), cased, s.toUpperCase())).toBe(true);
        if (s.length === 0) return;
        expect(sumoEval(pattern([s]), cased, s.slice(1))).toBe(false);
        expect(sumoEval(pattern([MANY, s, MANY]), cased, `<${s}>`)).toBe(true);
        expect(sumoEval(pattern([MANY, s, MANY]), cased, `<${s.slice(1)}>`)).toBe(false);
        const q = pattern([s, { wildcard: 'one' }]);
        expect(sumoEval(q, cased, `${s}z`)).toBe(true);
        expect(sumoEval(q, cased, s)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('emits every golden case so that the checker accepts it', () => {
    const texts = Object.fromEntries(
      readdirSync(cases)
        .filter((f) => f.endsWith('.yml'))
        .map((f) => [f, readFileSync(join(cases, f), 'utf8')]),
    );
    const rs = loadRuleTexts(texts);
    const fields = new Set([...pipelineFieldSet(sysmon), ...sigmaFields(rs)]);
    const out = convertRuleSet(rs, SUMO, [sysmon]);
    expect(out.filter((c) => c.queries.length).length).toBeGreaterThan(5);
    for (const c of out) for (const q of c.queries) expect(checkSumo(q, fields), q).toEqual([]);
  });

  it('rejects malformed Sumo queries in the checker', () => {
    const f = new Set(['Image']);
    expect(checkSumo('_sourceCategory=x\n| where Image matches "a', f)).not.toEqual([]);
    expect(checkSumo('_sourceCategory=x\n| where Nope = "a"', f)).not.toEqual([]);
    expect(checkSumo('_sourceCategory=x\n| where (Image = "a"', f)).not.toEqual([]);
    expect(checkSumo('_sourceCategory=x\n| where Image matches /(/', f)).not.toEqual([]);
    expect(checkSumo('_sourceCategory=x\n| sort by Image', f)).not.toEqual([]);
    expect(checkSumo('_sourceCategory=x\n| json auto\n| where toLowerCase(Image) matches "*\\\\a.exe"', f)).toEqual([]);
  });

  it('maps Cloud SIEM records and refuses full paths they do not have', () => {
    const rule = (value: string) =>
      `title: t\nlogsource: {category: process_creation, product: windows}\ndetection:\n  s:\n    Image${value}\n  condition: s\n`;
    const cse = [builtinPipeline('sumo-cse')!];
    const [ok] = convertRuleSet(loadRuleTexts({ 'a.yml': rule("|endswith: '\\cmd.exe'") }), SUMO, cse);
    expect(ok.queries[0]).toBe('_index=sec_record_endpoint\n| where toLowerCase(baseImage) = "cmd.exe"');
    const [bad] = convertRuleSet(loadRuleTexts({ 'b.yml': rule(": 'C:\\x\\cmd.exe'") }), SUMO, cse);
    expect(bad.errors[0].message).toContain('only has its file name');
  });
});

describe.skipIf(!existsSync(corpus))('Sumo over the SigmaHQ corpus (sumo-sysmon pipeline)', () => {
  it('converts at least as many rules as pySigma, every error named, every query well-formed', async () => {
    const rs = await loadRules([corpus]);
    const fields = new Set([...pipelineFieldSet(sysmon), ...sigmaFields(rs)]);
    const out = convertRuleSet(rs, SUMO, [sysmon]);
    expect(out.filter((c) => c.queries.length > 0).length).toBeGreaterThanOrEqual(3611);
    for (const c of out) {
      if (c.queries.length === 0) expect(c.errors.length).toBeGreaterThan(0);
      for (const e of c.errors) expect(e.check).toBe('unsupported');
      for (const q of c.queries) expect(checkSumo(q, fields), `${c.file}\n${q}`).toEqual([]);
    }
  }, 120_000);
});
