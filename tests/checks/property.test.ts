/** Properties of the condition parser (fast-check): it never throws, and generated conditions round-trip. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConditionNode, parseCondition } from '../../src/sigma/condition.js';

/** The AST without offsets, for structural comparison. */
type Shape =
  | { kind: 'and' | 'or'; operands: Shape[] }
  | { kind: 'not'; operand: Shape }
  | { kind: 'ref'; name: string }
  | { kind: 'quantifier'; quantifier: 'one' | 'all'; target: string };

function shape(n: ConditionNode): Shape {
  switch (n.kind) {
    case 'and':
    case 'or':
      return { kind: n.kind, operands: n.operands.map(shape) };
    case 'not':
      return { kind: 'not', operand: shape(n.operand) };
    case 'ref':
      return { kind: 'ref', name: n.name };
    case 'quantifier':
      return { kind: 'quantifier', quantifier: n.quantifier, target: n.target };
  }
}

/** Writes a shape as condition text; binary operands that are themselves binary get parentheses. */
function print(s: Shape): string {
  switch (s.kind) {
    case 'and':
    case 'or':
      return s.operands
        .map((o) => (o.kind === 'and' || o.kind === 'or' ? `(${print(o)})` : print(o)))
        .join(` ${s.kind} `);
    case 'not':
      return `not ${s.operand.kind === 'and' || s.operand.kind === 'or' ? `(${print(s.operand)})` : print(s.operand)}`;
    case 'ref':
      return s.name;
    case 'quantifier':
      return `${s.quantifier === 'one' ? '1' : 'all'} of ${s.target}`;
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', 'all', '1', 'any']);
const name = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.-]{0,12}$/).filter((n) => !KEYWORDS.has(n.toLowerCase()));
const pattern = fc.oneof(
  fc.constant('them'),
  name,
  name.map((n) => `${n}*`),
);

const { tree } = fc.letrec<{ tree: Shape }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    name.map((n): Shape => ({ kind: 'ref', name: n })),
    fc.record({
      kind: fc.constant('quantifier' as const),
      quantifier: fc.constantFrom('one' as const, 'all' as const),
      target: pattern,
    }),
    tie('tree').map((operand): Shape => ({ kind: 'not', operand })),
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      operands: fc.array(tie('tree'), { minLength: 2, maxLength: 4 }),
    }),
  ),
}));

describe('condition parser properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const r = parseCondition(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on token soup, and errors point inside the text', () => {
    const token = fc.constantFrom(
      '(',
      ')',
      'and',
      'or',
      'not',
      '1',
      'all',
      'of',
      'them',
      'sel',
      'sel*',
      'x_1',
      ' ',
      '|',
      '"',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const text = tokens.join(' ');
        const r = parseCondition(text);
        if (!r.ok) {
          expect(r.error.start).toBeGreaterThanOrEqual(0);
          expect(r.error.start).toBeLessThanOrEqual(text.length);
          expect(r.error.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips generated conditions: parse(print(tree)) has the same structure', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const r = parseCondition(print(t));
        expect(r.ok).toBe(true);
        if (r.ok) expect(shape(r.ast)).toEqual(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('offsets of every node point at its text', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const text = print(t);
        const r = parseCondition(text);
        if (!r.ok) return;
        const stack: ConditionNode[] = [r.ast];
        while (stack.length > 0) {
          const n = stack.pop() as ConditionNode;
          if (n.kind === 'ref') expect(text.slice(n.start, n.end)).toBe(n.name);
          if (n.kind === 'not') stack.push(n.operand);
          if (n.kind === 'and' || n.kind === 'or') stack.push(...n.operands);
        }
      }),
      { numRuns: 500 },
    );
  });
});
