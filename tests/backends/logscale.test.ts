import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertRuleSet } from '../../src/backends/convert.js';
import { LOGSCALE } from '../../src/backends/logscale.js';
import { formatSigmaString } from '../../src/ir/pattern.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import { loadRules, loadRuleTexts } from '../../src/ruleset/load.js';
import { checkLogscale, tokenize } from './checkers/logscale.js';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus/sigma');

function convertValue(modifier: string, value: string, pipeline = 'sysmon') {
  const rule = `title: t\nlogsource: {category: process_creation, product: windows}\ndetection:\n  s:\n    CommandLine${modifier}: ${JSON.stringify(value)}\n  condition: s\n`;
  const [c] = convertRuleSet(loadRuleTexts({ 'r.yml': rule }), LOGSCALE, [builtinPipeline(pipeline)!]);
  return c;
}

/** The literal of the rule's single CommandLine comparison. */
function literalOf(query: string) {
  const tokens = tokenize(query.split('\n| ')[1]);
  return tokens[2];
}

describe('LogScale target', () => {
  it('writes any string so that its regex matches exactly that string', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30, unit: 'binary' }), (s) => {
        const q = convertValue('', formatSigmaString([s])).queries[0];
        expect(checkLogscale(q)).toEqual([]);
        const lit = literalOf(q);
        expect(lit.kind).toBe('regex');
        const re = new RegExp(lit.value, lit.flags);
        expect(re.test(s)).toBe(true);
        expect(re.test(`${s}x`)).toBe(false);
        expect(re.test(`x${s}`)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips literal text through contains and cased forms', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 25, unit: 'binary' }), (s) => {
        const value = formatSigmaString([s]);
        const lit = literalOf(convertValue('|contains', value).queries[0]);
        expect(lit.kind).toBe('regex');
        expect(new RegExp(lit.value, lit.flags).test(`xx${s}yy`)).toBe(true);
        const cased = literalOf(convertValue('|cased', value).queries[0]);
        if (cased.kind === 'string') expect(cased.value).toBe(s.replace(/\*/g, '\\*'));
        else expect(new RegExp(cased.value, cased.flags).test(s)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps exact values anchored and wildcards meaningful', () => {
    const exact = literalOf(convertValue('', 'a.b').queries[0]);
    expect(new RegExp(exact.value, 'i').test('A.B')).toBe(true);
    expect(new RegExp(exact.value, 'i').test('axb')).toBe(false);
    expect(new RegExp(exact.value, 'i').test('a.bc')).toBe(false);
    const wild = literalOf(convertValue('', 'a?c*').queries[0]);
    expect(new RegExp(wild.value, 'i').test('abcdef')).toBe(true);
    expect(new RegExp(wild.value, 'i').test('xabc')).toBe(false);
  });

  it('names what Falcon cannot express', () => {
    const c = convertValue('', 'x', 'falcon');
    expect(c.queries[0]).toContain('#event_simpleName="ProcessRollup2"');
    const rule =
      "title: t\nlogsource: {category: process_creation, product: windows}\ndetection:\n  s:\n    ParentImage|contains: '\\\\Temp\\\\'\n  condition: s\n";
    const [bad] = convertRuleSet(loadRuleTexts({ 'r.yml': rule }), LOGSCALE, [builtinPipeline('falcon')!]);
    expect(bad.queries).toEqual([]);
    expect(bad.errors[0].message).toContain('only has its file name');
  });

  describe.skipIf(!existsSync(corpus))('over the SigmaHQ corpus', () => {
    it('converts at least as many rules as pySigma (3,725) and every query passes the checker', async () => {
      const rs = await loadRules([corpus]);
      const results = convertRuleSet(rs, LOGSCALE, [builtinPipeline('sysmon')!]);
      const converted = results.filter((r) => r.queries.length > 0);
      expect(converted.length).toBeGreaterThanOrEqual(3725);
      const broken = converted.flatMap((r) => checkLogscale(r.queries[0]).map((p) => `${r.file}: ${p}`));
      expect(broken).toEqual([]);
      for (const r of results) for (const e of r.errors) expect(e.code).toBe('TL121');
      const falcon = convertRuleSet(rs, LOGSCALE, [builtinPipeline('falcon')!]).filter((r) => r.queries.length > 0);
      expect(falcon.flatMap((r) => checkLogscale(r.queries[0]).map((p) => `${r.file}: ${p}`))).toEqual([]);
    });
  });
});
