/**
 * LineIndex turns offsets into 1-based lines and columns, remembering the line of its last lookup. Whatever
 * the order of lookups, it must answer as counting the line breaks before the offset does.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { LineIndex } from '../../src/sigma/yaml-tree.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

function naive(text: string, offset: number): [line: number, column: number] {
  const before = text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  return [before.split('\n').length, offset - lineStart + 1];
}

test('lines and columns agree with counting line breaks, in any lookup order', () => {
  const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', 'é'), maxLength: 40 });
  fc.assert(
    fc.property(
      text.chain((t) => fc.tuple(fc.constant(t), fc.array(fc.nat({ max: t.length }), { maxLength: 12 }))),
      ([t, offsets]) => {
        const index = new LineIndex(t);
        for (const offset of offsets) {
          const line = index.line(offset);
          expect([line, index.column(offset, line)], `${JSON.stringify(t)} @ ${offset}`).toEqual(naive(t, offset));
        }
      },
    ),
    { numRuns: RUNS },
  );
});
