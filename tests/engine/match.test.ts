import { describe, expect, test } from 'vitest';
import { compileRule, isCompiled } from '../../src/engine/compile.js';
import { RuleMatcher } from '../../src/engine/matcher.js';
import { eventOf, ruleFrom } from './helpers.js';
import { MATCH_CASES } from './match-cases.js';

describe.each(MATCH_CASES)('$name', (c) => {
  const rule = ruleFrom(c.detection);
  const compiled = compileRule(rule);
  if (!isCompiled(compiled)) throw new Error(compiled.message);
  const indexed = new RuleMatcher([compiled]);
  const brute = new RuleMatcher([compiled], { index: false });
  test.each(c.match.map((f) => [JSON.stringify(f), f] as const))('matches %s', (_, fields) => {
    expect(brute.match(eventOf(fields))).toEqual([0]);
    expect(indexed.match(eventOf(fields))).toEqual([0]);
  });
  test.each(c.noMatch.map((f) => [JSON.stringify(f), f] as const))('does not match %s', (_, fields) => {
    expect(brute.match(eventOf(fields))).toEqual([]);
    expect(indexed.match(eventOf(fields))).toEqual([]);
  });
});
