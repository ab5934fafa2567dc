/**
 * The literal index never changes results: random rules x random events, indexed matcher vs evaluating
 * every routed rule. Values come from a tiny alphabet so literals collide often.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compileRule, isCompiled } from '../../src/engine/compile.js';
import { RuleMatcher } from '../../src/engine/matcher.js';
import { and, not, or } from '../../src/ir/expr.js';
import { MANY, ONE, pattern } from '../../src/ir/pattern.js';
import type { DetectionRule, Expr, Logsource } from '../../src/ir/types.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';
import type { FieldValue, LogEvent } from '../../src/sources/event.js';

const FIELDS = ['A', 'B', 'C', 'D.e'];
const text = fc.stringMatching(/^[abAB.x\u0130\u03a3]{0,5}$/);
const field = fc.constantFrom(...FIELDS);

const part = fc.oneof(text, fc.constant(MANY), fc.constant(ONE));
const stringLeaf: fc.Arbitrary<Expr> = fc
  .record({ field: fc.option(field, { nil: null }), parts: fc.array(part, { maxLength: 4 }), cased: fc.boolean() })
  .map(({ field, parts, cased }) => ({ kind: 'string', field, pattern: pattern(parts), cased }));
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 6, arbitrary: stringLeaf },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('number' as const), field, value: fc.integer({ min: 0, max: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('exists' as const), field, exists: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('null' as const), field }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('regex' as const),
      field,
      regex: fc.constantFrom('a.b', '^x', 'B$'),
      flags: fc.record({ ignoreCase: fc.boolean(), multiline: fc.constant(false), dotAll: fc.constant(false) }),
    }),
  },
);
const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map(and),
    fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map(or),
    tie('e').map(not),
  ),
})).e;

const logsources: Logsource[] = [
  { product: 'windows' },
  { product: 'windows', category: 'pc' },
  { service: 'sec' },
  {},
];
const rule = fc.record({ expr, ls: fc.constantFrom(...logsources) }).map(
  ({ expr, ls }): DetectionRule => ({
    kind: 'detection',
    origin: { file: 'prop.yml', document: 0, span: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
    meta: { title: 't', references: [], tags: [], falsepositives: [], fields: [], related: [], custom: {} },
    logsource: ls,
    expr,
    condition: ['sel'],
  }),
);

const value: fc.Arbitrary<FieldValue> = fc.oneof(
  text,
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('1', '2.0', null, true),
  fc.array(text, { maxLength: 2 }),
);
const event = fc
  .record({
    fields: fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D.e', 'Z'), value, { maxKeys: 4 }),
    nested: fc.option(fc.record({ e: value }), { nil: undefined }),
    ls: fc.constantFrom(
      { product: 'windows' },
      { product: 'windows', category: 'pc' },
      { product: 'linux', service: 'sec' },
    ),
  })
  .map(
    ({ fields, nested, ls }): LogEvent => ({
      fields: nested ? { ...fields, D: nested } : fields,
      logsource: ls,
      origin: { file: 'mem' },
    }),
  );

test('indexed matching equals brute force', () => {
  fc.assert(
    fc.property(
      fc.array(rule, { minLength: 1, maxLength: 25 }),
      fc.array(event, { minLength: 1, maxLength: 40 }),
      (rules, events) => {
        const compiled = rules.map(compileRule).filter(isCompiled);
        const indexed = new RuleMatcher(compiled);
        const brute = new RuleMatcher(compiled, { index: false });
        // Twice: the second pass finds every value in the index's memo of recently scanned values.
        for (const e of [...events, ...events]) expect(indexed.match(e)).toEqual(brute.match(e));
      },
    ),
    { numRuns: 300 },
  );
});

const KEYWORD_RULE = `title: keywords
logsource:
  product: windows
detection:
  keywords: ['sekurlsa::', 'kelvin', 'xi']
  condition: keywords
`;

// The keyword prefilter matches raw ASCII text case-insensitively and sends anything non-ASCII the slow
// way; values whose lower-casing yields ASCII (Kelvin sign, dotted capital I) must still match.
test.each(['SEKURLSA::logonpasswords', '\u212Aelvin', 'X\u0130', 'caf\u00e9 sekurlsa::', 'nothing here'])(
  'keyword prefilter agrees with brute force on %j',
  (value) => {
    const compiled = loadRuleTexts({ 'k.yml': KEYWORD_RULE }).detections.map(compileRule).filter(isCompiled);
    const event: LogEvent = { fields: { A: value, B: 'zz' }, logsource: { product: 'windows' }, origin: { file: 'm' } };
    const brute = new RuleMatcher(compiled, { index: false }).match(event);
    expect(new RuleMatcher(compiled).match(event)).toEqual(brute);
    expect(brute).toEqual(value === 'nothing here' ? [] : [0]);
  },
);
