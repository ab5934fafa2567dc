/**
 * Literal runs read from regexes (regex-literals.ts) and the regex atoms built on them (require.ts) are
 * necessary conditions: whenever RE2 matches a value, the value holds every run, and its lower-cased form
 * holds the atom. Checked on written cases and on random patterns and values from a small alphabet.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { requiredRuns } from '../../src/engine/regex-literals.js';
import { requirementOf } from '../../src/engine/require.js';
import type { RegexMatch } from '../../src/ir/types.js';
import { compileRe2 } from '../../src/ir/validate.js';

const FLAGS = { ignoreCase: false, multiline: false, dotAll: false };

describe('requiredRuns', () => {
  test.each([
    ['ipconfig\\s+/all', ['ipconfig', '/all']],
    ['cmd.{0,5}(?:/c|/r).+powershell', ['cmd', 'powershell']],
    ['ab+c', ['ab', 'c']],
    ['abc?d', ['ab', 'd']],
    ['x{2}yz', ['x', 'yz']],
    ['x{1}yz', ['xyz']],
    ['x{0,3}yz', ['yz']],
    ['a*?bcd', ['bcd']],
    ['\\$env:Public\\[\\s*', ['$env:Public[']],
    ['[a-z]{3}\\.exe$', ['.exe']],
    ['^{abc}', ['{abc}']],
    ['(?i)echo.*clip', ['echo', 'clip']],
  ])('%s', (source, runs) => {
    expect(requiredRuns(source)).toEqual(runs);
  });

  test.each(['a|b', 'abc|def', '\\x41bcd', '\\p{L}abcd', '\\Qabcd\\E', '(ab', 'ab)', '[ab'])(
    '%s gives nothing',
    (source) => {
      expect(requiredRuns(source)).toBeUndefined();
    },
  );
});

const TOKEN = fc.constantFrom(
  'a',
  'b',
  'S',
  's',
  'k',
  '.',
  '\\.',
  '\\s',
  '\\d',
  '[ab]',
  '(?:ab|c)',
  '(a)',
  '*',
  '+',
  '?',
  '{2}',
  '{0,1}',
  '{1}',
  '|',
  '^',
  '$',
  '(?i)',
  '{',
  '}',
  '-',
  ' ',
);
const VALUE = fc.stringMatching(/^[abSsk. \-{}1\u017f\u212a]{0,12}$/);

test('every RE2 match holds every run and the regex atom (random patterns)', () => {
  fc.assert(
    fc.property(
      fc.array(TOKEN, { maxLength: 8 }),
      fc.boolean(),
      fc.array(VALUE, { maxLength: 8 }),
      (tokens, ignoreCase, values) => {
        const source = tokens.join('');
        const flags = { ...FLAGS, ignoreCase };
        let re: ReturnType<typeof compileRe2>;
        try {
          re = compileRe2(source, flags);
        } catch {
          return; // not a valid RE2 pattern
        }
        const runs = requiredRuns(source);
        const node: RegexMatch = { kind: 'regex', field: 'F', regex: source, flags };
        const atom = requirementOf(node)?.[0];
        for (const v of values) {
          if (!re.test(v)) continue;
          if (!ignoreCase && !/\(\?[a-z]*i/.test(source)) for (const r of runs ?? []) expect(v).toContain(r);
          if (atom?.kind === 'text') expect(v.toLowerCase()).toContain(atom.text);
        }
      },
    ),
    { numRuns: 3000 },
  );
});

test('regex atoms: longest ASCII run, cut at s under case folding', () => {
  const atom = (regex: string, ignoreCase = false) =>
    requirementOf({ kind: 'regex', field: 'CommandLine', regex, flags: { ...FLAGS, ignoreCase } });
  expect(atom('netsh\\s+interface show interface')).toEqual([
    { kind: 'text', field: 'CommandLine', text: 'interface show interface', position: 'contains' },
  ]);
  expect(atom('Powershell\\.exe', true)?.[0]).toMatchObject({ text: 'hell.exe' });
  expect(atom('ab\\d+cd')).toBeUndefined();
});
