import { describe, expect, it } from 'vitest';
import { parseModifiers, suggestModifier } from '../../src/sigma/modifiers.js';

const validChains = [
  ['contains'],
  ['contains', 'all'],
  ['endswith'],
  ['re', 'i', 'm', 's'],
  ['base64offset', 'contains'],
  ['wide', 'base64offset', 'contains'],
  ['utf16le', 'base64'],
  ['windash', 'contains'],
  ['cidr'],
  ['exists'],
  ['gt'],
  ['hour', 'gte'],
  ['minute'],
  ['fieldref'],
  ['fieldref', 'startswith'],
  ['cased', 'contains'],
  ['neq'],
  ['expand'],
  ['all', 'windash', 'contains'],
];
const invalidChains: [string[], string][] = [
  [['contians'], "did you mean 'contains'"],
  [['contains', 'endswith'], 'only one of contains'],
  [['base64offset'], "only makes sense with 'contains'"],
  [['wide', 'contains'], "must be followed by 'base64'"],
  [['re', 'contains'], "'re' takes its value as written"],
  [['i'], "sub-modifier of 're'"],
  [['cidr', 're'], 'cannot be combined'],
  [['gt', 'contains'], 'compares numbers'],
  [['base64', 'windash'], 'must be the last encoding'],
  [['exists', 'cased'], "'cased' only applies"],
  [['hour', 'minute'], 'only one date part'],
  [['contains', 'contains'], 'repeated'],
];

describe('modifier chains', () => {
  it.each(validChains.map((c) => [c.join('|'), c]))('accepts %s', (_, chain) => {
    expect(parseModifiers(chain as string[]).problems).toEqual([]);
  });
  it.each(invalidChains.map(([c, m]) => [c.join('|'), c, m]))('rejects %s', (_, chain, message) => {
    const { problems } = parseModifiers(chain as string[]);
    expect(problems.map((p) => p.message).join('; ')).toContain(message);
  });
  it('suggests near misses only', () => {
    expect(suggestModifier('startwith')).toBe('startswith');
    expect(suggestModifier('zzzzzzzz')).toBeUndefined();
  });
});
