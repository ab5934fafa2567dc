import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Offsets } from '../../src/ir/encode.js';
import { formatSigmaString, MANY, ONE, parseSigmaString, pattern, patternShape } from '../../src/ir/pattern.js';
import type { PatternPart } from '../../src/ir/types.js';

describe('Sigma strings', () => {
  const cases: [string, unknown[]][] = [
    ['plain', ['plain']],
    ['*cmd.exe', [MANY, 'cmd.exe']],
    ['a?c*', ['a', ONE, 'c', MANY]],
    ['\\*literal\\?', ['*literal?']],
    ['C:\\Windows\\', ['C:\\Windows\\']],
    ['\\\\*', ['\\', MANY]],
    ['\\\\\\*', ['\\*']],
    ['\\\\\\\\', ['\\\\']],
    ['**x', [MANY, 'x']],
  ];
  it.each(cases)('parses %s', (text, parts) => expect(parseSigmaString(text)).toEqual(parts));
  it('round-trips through the escaped form', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ minLength: 1 }), fc.constant(MANY), fc.constant(ONE)), { maxLength: 6 }),
        (parts) => {
          const p = parseSigmaString(formatSigmaString(parseSigmaString(formatSigmaString(parts as never))));
          expect(parseSigmaString(formatSigmaString(p))).toEqual(p);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('formats any literal so it parses back to itself', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parseSigmaString(formatSigmaString([s]))).toEqual(s === '' ? [] : [s]);
      }),
      { numRuns: 2000 },
    );
  });
  it('reads like the one-character-at-a-time definition (escapes, wildcards, placeholders)', () => {
    const placeholderAt = (text: string, i: number) => {
      const end = text.indexOf('%', i + 1);
      return end === -1 ? '' : text.slice(i + 1, end);
    };
    const reference = (text: string, placeholders: boolean) => {
      const parts: PatternPart[] = [];
      let lit = '';
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        const next = text[i + 1];
        if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
          lit += next;
          i++;
        } else if (c === '*' || c === '?') {
          parts.push(lit, c === '*' ? MANY : ONE);
          lit = '';
        } else if (c === '%' && placeholders && /^[\w.-]+$/.test(placeholderAt(text, i))) {
          const name = placeholderAt(text, i);
          parts.push(lit, { placeholder: name });
          lit = '';
          i += name.length + 1;
        } else lit += c;
      }
      return [...parts, lit];
    };
    const text = fc.string({ unit: fc.constantFrom(...'ab.\\*?%-_ é'), maxLength: 16 });
    fc.assert(
      fc.property(text, fc.boolean(), (s, placeholders) => {
        expect(parseSigmaString(s, placeholders)).toEqual(pattern(reference(s, placeholders)));
      }),
      { numRuns: 3000 },
    );
  });
  it('classifies shapes', () => {
    expect(patternShape(parseSigmaString('*x*'))).toEqual({ kind: 'contains', text: 'x' });
    expect(patternShape(parseSigmaString('x*'))).toEqual({ kind: 'prefix', text: 'x' });
    expect(patternShape(parseSigmaString('*x'))).toEqual({ kind: 'suffix', text: 'x' });
    expect(patternShape(parseSigmaString('x'))).toEqual({ kind: 'exact', text: 'x' });
    expect(patternShape(parseSigmaString('*'))).toEqual({ kind: 'any' });
    expect(patternShape(parseSigmaString('a*b'))).toEqual({ kind: 'wildcard' });
  });
});

describe('base64offset', () => {
  it('matches the reference forms for every offset', () => {
    expect(base64Offsets(new TextEncoder().encode('abc'))).toEqual(['YWJj', 'FiY', 'hYm']);
  });
  it('finds the value in any base64 stream that contains it', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 8 }),
        fc.uint8Array({ minLength: 3, maxLength: 12 }),
        fc.uint8Array({ maxLength: 8 }),
        (pre, value, post) => {
          const all = Buffer.concat([pre, value, post]).toString('base64');
          expect(base64Offsets(value).some((v) => all.includes(v))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
