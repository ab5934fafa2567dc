/** The hand-written reader of `...T...Z` times gives exactly what Date.parse gives, or leaves it to Date.parse. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseTimestamp, utcMillis } from '../../src/sources/values.js';

const num = (min: number, max: number, width: number) =>
  fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));

const ISO = fc
  .tuple(
    num(0, 9999, 4),
    num(0, 13, 2),
    num(0, 32, 2),
    num(0, 25, 2),
    num(0, 61, 2),
    num(0, 61, 2),
    fc.option(fc.stringMatching(/^[0-9]{0,9}$/), { nil: undefined }),
    fc.constantFrom('Z', 'Z', 'Z', 'z', '+00:00', ''),
  )
  .map(([y, mo, d, h, mi, s, f, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f === undefined ? '' : `.${f}`}${zone}`);

test('utcMillis agrees with Date.parse whenever it answers', () => {
  let answered = 0;
  fc.assert(
    fc.property(ISO, (text) => {
      const fast = utcMillis(text);
      if (fast !== undefined) {
        answered++;
        expect(fast).toBe(Date.parse(text));
      }
      const ms = Date.parse(text);
      expect(parseTimestamp(text)).toBe(Number.isNaN(ms) ? undefined : ms);
    }),
    { numRuns: 5000 },
  );
  expect(answered).toBeGreaterThan(100);
});

test('the usual Windows times', () => {
  expect(utcMillis('2024-05-01T10:00:00.1234567Z')).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
  expect(utcMillis('2024-05-01T10:00:00Z')).toBe(Date.UTC(2024, 4, 1, 10));
  expect(utcMillis('2024-02-30T00:00:00Z')).toBeUndefined();
  expect(parseTimestamp('2024-02-30T00:00:00Z')).toBe(Date.parse('2024-02-30T00:00:00Z'));
});
