import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPath } from '../../src/ruleset/files.js';

describe('childPath', () => {
  it('gives what path.join gives for a folder entry', () => {
    const segment = fc.constantFrom('', '.', '..', 'a', 'rules', '.hidden', 'x y', '/');
    const dir = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    const withSlashes = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
    // readdir never gives `.`, `..` or a name with a separator.
    const name = fc.string({ minLength: 1 }).filter((n) => n !== '.' && n !== '..' && !n.includes('/'));
    fc.assert(
      fc.property(fc.oneof(dir, withSlashes), name, (d, n) => {
        expect(childPath(d)(n)).toBe(join(d, n));
      }),
      { numRuns: 5000 },
    );
  });
});
