/**
 * The value helpers of the engine's event view: `toNumber` rules most strings out by their first character
 * and `someScalar` walks a value without building the `scalars` list; both must answer exactly as the plain
 * definitions do, for any value.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { scalars, someScalar, toNumber } from '../../src/engine/view.js';
import type { FieldValue } from '../../src/sources/event.js';

/** toNumber without the first-character shortcut. */
function referenceToNumber(v: string | number | boolean): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  return undefined;
}

const WHITESPACE = ['', ' ', '\t', '\n', '\u00a0', '\ufeff', '\u2028', '\u3000'];
const NUMERIC_TEXT = fc
  .tuple(
    fc.constantFrom(...WHITESPACE),
    fc.oneof(
      fc.integer().map(String),
      fc.double({ noNaN: true }).map(String),
      fc.integer({ min: 0 }).map((n) => `0x${n.toString(16)}`),
      fc.constantFrom('+1', '-0', '.5', '1.', '1e5', '-2.5E-3', 'x1', 'e5', '--1', '0x', '1 2'),
    ),
    fc.constantFrom(...WHITESPACE),
  )
  .map(([a, b, c]) => a + b + c);
const SCALAR = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), NUMERIC_TEXT, fc.double(), fc.boolean());

test('toNumber reads every string and number as the plain definition does', () => {
  fc.assert(
    fc.property(SCALAR, (v) => {
      expect(toNumber(v)).toEqual(referenceToNumber(v));
    }),
    { numRuns: 20000 },
  );
});

const VALUE: fc.Arbitrary<FieldValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  SCALAR,
  fc.array(fc.oneof(SCALAR, fc.constant(null), fc.dictionary(fc.string(), SCALAR), fc.array(SCALAR)), {
    maxLength: 4,
  }),
  fc.dictionary(fc.string(), SCALAR),
);

test('someScalar answers as scalars(...).some(...)', () => {
  fc.assert(
    fc.property(VALUE, fc.func(fc.boolean()), (v, f) => {
      const test = (x: string | number | boolean) => f(x);
      expect(someScalar(v, test)).toBe(scalars(v).some(test));
    }),
    { numRuns: 5000 },
  );
});
