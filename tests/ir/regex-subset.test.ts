/**
 * The portable-regex test (ir/regex-subset.ts) lets loading skip RE2's compiler, so a "yes" must never be
 * wrong: whatever it accepts (among patterns JavaScript compiles), re2js compiles under every flag
 * combination. Checked on a table of cases, on random token strings, on patterns grown from the subset's
 * own grammar, and on checkRegex's verdicts for the same patterns with and without the shortcut.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isPortableRegex } from '../../src/ir/regex-subset.js';
import { checkRegex, compileRe2 } from '../../src/ir/validate.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const FLAG_SETS = [false, true].flatMap((ignoreCase) =>
  [false, true].flatMap((multiline) => [false, true].map((dotAll) => ({ ignoreCase, multiline, dotAll }))),
);

function compilesInJs(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** The property: a portable pattern compiles in RE2 with every flag set. */
function expectSound(source: string): void {
  if (!compilesInJs(source) || !isPortableRegex(source)) return;
  for (const flags of FLAG_SETS) expect(() => compileRe2(source, flags), source).not.toThrow();
}

describe('isPortableRegex', () => {
  test.each([
    'cmd\\.exe',
    '\\\\Windows\\\\(System32|SysWOW64)\\\\',
    '^[a-z0-9]{8}-[a-f0-9]{4}$',
    '(?:/c|/r).{0,5}clip(?:\\.exe)?',
    '[\\w.-]+@[\\w-]+\\.[a-z]{2,}',
    '\\s+-enc\\s+[A-Za-z0-9+/=]{20,}',
    '[^\\\\]+\\.dll$',
    'a\\x41\\tb',
    '((a{10}){10}){10}',
    'werfault\\.exe[\\"\\\']?',
    '',
  ])('%s is portable', (source) => {
    expect(compilesInJs(source)).toBe(true);
    expect(isPortableRegex(source)).toBe(true);
    expectSound(source);
  });

  test.each([
    ['(?=a)b', 'lookahead'],
    ['(?<!a)b', 'lookbehind'],
    ['(a)\\1', 'backreference'],
    ['(?<n>a)', 'named group'],
    ['\\u0041', '\\u escape'],
    ['\\p{L}', 'unicode property'],
    ['[[:alpha:]]', 'nested bracket'],
    ['[\\d-z]', 'range from a class escape'],
    ['[\\b]', 'backspace in a class'],
    ['((a{11}){10}){10}', 'nested repetition over 1000'],
    ['a{1001}', 'repetition over 1000'],
    ['a]', 'lone ]'],
    ['a{,3}', 'brace RE2 reads differently'],
    ['\\e', 'unknown escape'],
    ['\u{1F600}', 'astral character'],
  ])('%s is left to RE2 (%s)', (source) => {
    expect(isPortableRegex(source)).toBe(false);
  });
});

const TOKEN = fc.constantFrom(
  ...['a', 'Z', '0', '.', '^', '$', '|', '(', ')', '(?:', '(?=', '(?<', '[', ']', '[^', '-', '{', '}', ','],
  ...['*', '+', '?', '{2}', '{0,3}', '{2,}', '{999}', '{1000}', '\\', '\\\\', '\\.', '\\d', '\\W', '\\b'],
  ...['\\x4', '\\x4f', '\\u00e9', '\\p', '\\k', '\\1', '\\0', '\\c', '\\t', '\\-', '\\]', ' ', 'é', '\u{1F600}'],
);

test('random token strings: every portable one compiles in RE2', () => {
  fc.assert(
    fc.property(fc.array(TOKEN, { maxLength: 14 }), (tokens) => expectSound(tokens.join(''))),
    { numRuns: RUNS },
  );
});

/** Patterns from the subset's grammar, so that most answers are "yes" and the property has teeth. */
const portable = fc.letrec<{ pattern: string; atom: string; item: string }>((tie) => ({
  item: fc.oneof(
    fc.constantFrom('a', 'k', '0', '9', '-', '.', '/', ' ', 'é', '\\.', '\\\\', '\\]', '\\-', '\\x7e', '\\t'),
    fc.constantFrom('a-z', '0-9', 'A-F', '\\x20-\\x7e', '\\d', '\\W', '\\s'),
  ),
  atom: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('a', 'Z', '0', '.', '^', '$', ' ', '/', 'é', '\\.', '\\\\', '\\(', '\\d', '\\S', '\\b', '\\x41'),
    fc
      .tuple(fc.boolean(), fc.array(tie('item'), { minLength: 1, maxLength: 4 }))
      .map(([neg, items]) => `[${neg ? '^' : ''}${items.join('')}]`),
    fc.tuple(fc.boolean(), tie('pattern')).map(([capture, p]) => `(${capture ? '' : '?:'}${p})`),
  ),
  pattern: fc
    .array(fc.tuple(tie('atom'), fc.constantFrom('', '*', '+', '?', '*?', '{3}', '{0,10}', '{2,}', '{12}?')), {
      maxLength: 5,
    })
    .chain((parts) => fc.constantFrom('', '|x').map((alt) => parts.map(([a, q]) => `${a}${q}`).join('') + alt)),
}));

test('patterns grown from the subset grammar are portable and compile in RE2', () => {
  let accepted = 0;
  fc.assert(
    fc.property(portable.pattern, (source) => {
      if (!compilesInJs(source)) return;
      if (isPortableRegex(source)) accepted++;
      expectSound(source);
    }),
    { numRuns: RUNS },
  );
  expect(accepted).toBeGreaterThan(RUNS / 2);
});

test('checkRegex gives the same verdict as a full RE2 compile', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.array(TOKEN, { maxLength: 10 }).map((t) => t.join('')),
        portable.pattern,
      ),
      (body) => {
        for (const source of [body, `(?i)${body}`]) {
          const flags = FLAG_SETS[0];
          let re2 = true;
          try {
            compileRe2(source, flags);
          } catch {
            re2 = false;
          }
          const problem = checkRegex(source, flags);
          if (re2) expect(problem, source).toBeUndefined();
          else expect(problem, source).toBeDefined();
        }
      },
    ),
    { numRuns: RUNS },
  );
});
