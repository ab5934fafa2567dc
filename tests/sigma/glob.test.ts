/**
 * Quantifier targets (`1 of selection_*`) match search names with a small glob matcher. It must agree with
 * the regular expression the condition grammar describes: `*` any run, `?` one character, anchored.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { globMatches, matchSearchPattern } from '../../src/sigma/condition.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

function byRegex(glob: string, name: string): boolean {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(name);
}

test.each([
  ['selection_*', 'selection_img', true],
  ['selection_*', 'selection', false],
  ['sel*_img', 'sel_a_b_img', true],
  ['*', '', true],
  ['a?c', 'abc', true],
  ['a?c', 'ac', false],
  ['*a*b', 'xaxbxb', true],
  ['filter_main_*', 'filter_optional_x', false],
])('%s against %s', (glob, name, expected) => {
  expect(globMatches(glob, name)).toBe(expected);
});

test('agrees with the anchored regular expression (random globs and names)', () => {
  const glob = fc.string({ unit: fc.constantFrom('a', 'b', '_', '*', '?', '.', '\\'), maxLength: 8 });
  const name = fc.string({ unit: fc.constantFrom('a', 'b', '_', '.', '*', '\\'), maxLength: 10 });
  fc.assert(
    fc.property(glob, name, (g, n) => {
      expect(globMatches(g, n)).toBe(byRegex(g, n));
    }),
    { numRuns: RUNS * 10 },
  );
});

test('names with a line break match no target, as the grammar regex never did', () => {
  expect(matchSearchPattern('sel*', ['selA', 'sel\nB', 'other'])).toEqual(['selA']);
});
