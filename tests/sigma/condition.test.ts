import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConditionNode,
  MAX_CONDITION_DEPTH,
  matchSearchPattern,
  parseCondition,
} from '../../src/sigma/condition.js';

/** Renders an AST in a fully parenthesised form, for comparing parses. */
function show(n: ConditionNode): string {
  switch (n.kind) {
    case 'ref':
      return n.name;
    case 'quantifier':
      return `${n.quantifier}(${n.target})`;
    case 'not':
      return `not(${show(n.operand)})`;
    default:
      return `${n.kind}(${n.operands.map(show).join(',')})`;
  }
}

/** Writes an AST back as Sigma condition text. */
function toSigma(n: ConditionNode): string {
  switch (n.kind) {
    case 'ref':
      return n.name;
    case 'quantifier':
      return `${n.quantifier === 'all' ? 'all' : '1'} of ${n.target}`;
    case 'not':
      return `not (${toSigma(n.operand)})`;
    default:
      return `(${n.operands.map(toSigma).join(` ${n.kind} `)})`;
  }
}

const valid: [string, string][] = [
  ['selection', 'selection'],
  ['a and b', 'and(a,b)'],
  ['a or b and c', 'or(a,and(b,c))'],
  ['not a and b', 'and(not(a),b)'],
  ['not (a and b)', 'not(and(a,b))'],
  ['a and not b or c', 'or(and(a,not(b)),c)'],
  ['1 of selection_* and not 1 of filter_*', 'and(one(selection_*),not(one(filter_*)))'],
  ['all of them', 'all(them)'],
  ['1 of them', 'one(them)'],
  ['any of sel*', 'one(sel*)'],
  ['((a))', 'a'],
  ['a AND b OR NOT c', 'or(and(a,b),not(c))'],
  ['sel.x-1 and y_2', 'and(sel.x-1,y_2)'],
];

const invalid: [string, string][] = [
  ['', 'ends early'],
  ['a and', 'ends early'],
  ['(a or b', '`)`'],
  ['a or b)', 'unexpected `)`'],
  ['a b', 'unexpected `b`'],
  ['1 of', 'ends early'],
  ['all them', 'expected `of`'],
  ['sel*', 'wildcards'],
  ['a and or b', 'unexpected `or`'],
];

describe('condition grammar', () => {
  it.each(valid)('parses %s', (text, expected) => {
    const r = parseCondition(text);
    expect(r.ok && show(r.ast)).toBe(expected);
  });
  it.each(invalid)('rejects %s', (text, message) => {
    const r = parseCondition(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
  });
  it('points at the offending token', () => {
    const r = parseCondition('sel and and x');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.start, r.error.end]).toEqual([8, 11]);
  });
  it('stops at a depth limit instead of overflowing the stack', () => {
    const deep = `${'('.repeat(10_000)}a${')'.repeat(10_000)}`;
    const r = parseCondition(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.tooDeep).toBe(true);
    const ok = `${'('.repeat(MAX_CONDITION_DEPTH - 1)}a${')'.repeat(MAX_CONDITION_DEPTH - 1)}`;
    expect(parseCondition(ok).ok).toBe(true);
  });
  it('handles long flat chains iteratively', () => {
    const r = parseCondition(Array.from({ length: 20_000 }, (_, i) => `s${i}`).join(' or '));
    expect(r.ok && r.ast.kind === 'or' && r.ast.operands.length).toBe(20_000);
  });
  it('expands quantifier patterns, excluding _ names from them', () => {
    const names = ['selection_a', 'selection_b', 'filter', '_helper'];
    expect(matchSearchPattern('selection_*', names)).toEqual(['selection_a', 'selection_b']);
    expect(matchSearchPattern('them', names)).toEqual(['selection_a', 'selection_b', 'filter']);
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        parseCondition(s);
      }),
      { numRuns: 2000 },
    );
  });
  it('round-trips generated conditions', () => {
    const name = fc
      .stringMatching(/^[a-z][a-z0-9_]{0,6}$/)
      .filter((s) => !['and', 'or', 'not', 'of', 'them', 'all', 'any'].includes(s));
    const tree: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        name,
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} and ${b})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} or ${b})`),
        tie('e').map((a) => `not (${a})`),
      ),
    })).e;
    fc.assert(
      fc.property(tree, (text) => {
        const r = parseCondition(text);
        expect(r.ok).toBe(true);
        if (r.ok) {
          const again = parseCondition(toSigma(r.ast));
          expect(again.ok && show(again.ast)).toBe(show(r.ast));
        }
      }),
      { numRuns: 300 },
    );
  });
});
