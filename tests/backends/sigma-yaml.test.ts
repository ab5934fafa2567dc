import fc from 'fast-check';
import { DEFAULT_SCHEMA, dump, type Schema, Type } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPLICIT, writeSigmaYaml } from '../../src/backends/sigma-yaml.js';
import { isCoreNonString } from '../../src/sigma/yaml-fast.js';

// The sigma target's schema (backends/sigma.ts): DEFAULT_SCHEMA plus one implicit type.
const CORE = new Type('tag:tripline,2026:core-non-string', { kind: 'scalar', resolve: isCoreNonString });
const SCHEMA = DEFAULT_SCHEMA.extend({ implicit: [CORE] });
const IMPLICIT = [...DEFAULT_IMPLICIT, CORE];
const jsYaml = (doc: unknown) => dump(doc, { schema: SCHEMA, lineWidth: -1, noRefs: true });

/** Characters where YAML's plain, quoted and block styles part ways. */
const TRICKY = [...'aZ09 -?:,[]{}#&*!|=>\'"%@`~._+<\\/\n\t\r\u00a0\u00e9\u2028\ufeff\u{1f600}'];
const trickyString = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.constantFrom('null', 'true', 'No', 'y', '1:2', '0x1F', '.inf')), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));
const scalar = fc.oneof(
  trickyString,
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('tree'), { maxLength: 4 }),
  map: fc.dictionary(trickyString, tie('tree'), { maxLength: 4 }),
}));
const doc = fc.dictionary(fc.oneof(trickyString, fc.string()), tree, { maxLength: 5 });

describe('the sigma target YAML writer', () => {
  it('writes the bytes js-yaml dumps, or leaves the document to it', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const ours = writeSigmaYaml(d, IMPLICIT);
        if (ours !== undefined) expect(ours).toBe(jsYaml(d));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves nothing to js-yaml but unprintable characters (line breaks in keys) and non-integer numbers', () => {
    const printable = trickyString.filter((s) => !/[\t\r\u00a0\u2028\ufeff]/.test(s));
    const key = printable.filter((s) => !s.includes('\n'));
    const simple = fc.oneof(printable, fc.integer(), fc.boolean(), fc.constant(null));
    const nested = fc.dictionary(key, fc.oneof(simple, fc.array(simple), fc.dictionary(key, simple)));
    fc.assert(
      fc.property(nested, (d) => {
        expect(writeSigmaYaml(d, IMPLICIT)).toBe(jsYaml(d));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes a rule like js-yaml (block lists, a multi-line description, quoted values)', () => {
    const rule = {
      title: 'Suspicious: cmd.exe #1',
      description: 'First line\n  indented\n\nlast\n',
      tags: ['attack.t1059', 'yes', '2024-01-01'],
      logsource: {},
      detection: { selection1: { 'CommandLine|contains': ['-enc ', "it's", '#x', 'a #b'] }, condition: 'selection1' },
      level: 'high',
      n: -3,
      empty: [],
    };
    expect(writeSigmaYaml(rule, IMPLICIT)).toBe(jsYaml(rule));
  });

  it("uses DEFAULT_SCHEMA's implicit types, in its order", () => {
    const compiled = (DEFAULT_SCHEMA as Schema & { compiledImplicit: Type[] }).compiledImplicit;
    expect(compiled).toEqual(DEFAULT_IMPLICIT);
  });
});
