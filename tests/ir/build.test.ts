import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/ir/types.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';

/** A compact rendering of an IR tree, for case tables. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return `${e.kind}(${e.children.map(show).join(', ')})`;
    case 'not':
      return `not(${show(e.child)})`;
    case 'string':
      return `${e.field ?? '*'}${e.cased ? '==' : '~'}${JSON.stringify(e.pattern.map((p) => (typeof p === 'string' ? p : 'wildcard' in p ? (p.wildcard === 'many' ? '*' : '?') : `%${p.placeholder}%`)).join(''))}`;
    case 'number':
    case 'boolean':
      return `${e.field}=${e.value}`;
    case 'null':
      return `${e.field} is null`;
    case 'exists':
      return `${e.field} exists=${e.exists}`;
    case 'regex':
      return `${e.field}=/${e.regex}/${e.flags.ignoreCase ? 'i' : ''}`;
    case 'cidr':
      return `${e.field} in ${e.network}`;
    case 'compare':
      return `${e.field} ${e.op} ${e.value}`;
    case 'datepart':
      return `${e.part}(${e.field}) ${e.op} ${e.value}`;
    case 'fieldref':
      return `${e.field} ${e.position} @${e.other}`;
    case 'const':
      return String(e.value);
  }
}

function build(detection: string): { expr: string; codes: string[] } {
  const text = `title: t\nlogsource: {product: windows}\ndetection:\n${detection}`;
  const rs = loadRuleTexts({ 'r.yml': text });
  return {
    expr: rs.detections[0] ? show(rs.detections[0].expr) : '',
    codes: rs.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`),
  };
}

const cases: [string, string, string][] = [
  ['list is OR', '  s:\n    Image: [a, b]\n  condition: s', 'or(Image~"a", Image~"b")'],
  ['map is AND', '  s:\n    A: 1\n    B: x\n  condition: s', 'and(A=1, B~"x")'],
  [
    'list of maps is OR of ANDs',
    '  s:\n    - A: x\n      B: y\n    - C: z\n  condition: s',
    'or(and(A~"x", B~"y"), C~"z")',
  ],
  ['contains|all', '  s:\n    C|contains|all: [a, b]\n  condition: s', 'and(C~"*a*", C~"*b*")'],
  ['endswith', "  s:\n    I|endswith: '\\\\x.exe'\n  condition: s", 'I~"*\\\\x.exe"'],
  ['cased', '  s:\n    C|cased: Ab\n  condition: s', 'C=="Ab"'],
  ['keywords', '  k:\n    - evil\n    - bad*\n  condition: k', 'or(*~"evil", *~"bad*")'],
  ['null', '  s:\n    P: null\n  condition: s', 'P is null'],
  ['empty', "  s:\n    P: ''\n  condition: s", 'P~""'],
  ['exists', '  s:\n    P|exists: false\n  condition: s', 'P exists=false'],
  ['regex flags', "  s:\n    C|re|i: 'a.b'\n  condition: s", 'C=/a.b/i'],
  ['cidr', "  s:\n    Ip|cidr: ['10.0.0.0/8', '::1/128']\n  condition: s", 'or(Ip in 10.0.0.0/8, Ip in ::1/128)'],
  ['gte', '  s:\n    N|gte: 5\n  condition: s', 'N gte 5'],
  ['date part', '  s:\n    T|hour|gte: 22\n  condition: s', 'hour(T) gte 22'],
  ['fieldref', '  s:\n    A|fieldref: B\n  condition: s', 'A equals @B'],
  ['neq', '  s:\n    A|neq: x\n  condition: s', 'not(A~"x")'],
  ['base64', "  s:\n    C|base64: 'abc'\n  condition: s", 'C~"YWJj"'],
  ['utf16le base64', "  s:\n    C|wide|base64: 'ab'\n  condition: s", 'C~"YQBiAA=="'],
  [
    'windash',
    "  s:\n    C|windash|contains: ' -x'\n  condition: s",
    'or(C~"* -x*", C~"* /x*", C~"* –x*", C~"* —x*", C~"* ―x*")',
  ],
  ['expand', "  s:\n    U|expand: '%admins%'\n  condition: s", 'U~"%admins%"'],
  [
    'quantifiers',
    '  sel_a:\n    A: 1\n  sel_b:\n    B: 2\n  f:\n    C: 3\n  condition: all of sel_* and not 1 of f*',
    'and(A=1, B=2, not(C=3))',
  ],
  ['several conditions', '  a:\n    A: 1\n  b:\n    B: 2\n  condition:\n    - a\n    - b', 'or(A=1, B=2)'],
];

const errors: [string, string, string[]][] = [
  ['unknown modifier', '  s:\n    C|contians: x\n  condition: s', ['TL104@5:5']],
  ['bad combination', '  s:\n    C|re|contains: x\n  condition: s', ['TL105@5:5']],
  ['bad regex', "  s:\n    C|re: '(unclosed'\n  condition: s", ['TL106@5:11']],
  ['bad cidr', "  s:\n    Ip|cidr: '10.0.0.300/8'\n  condition: s", ['TL107@5:14']],
  ['empty list', '  s:\n    C: []\n  condition: s', ['TL108@5:8']],
  ['undefined search', '  s:\n    C: x\n  condition: s and t', ['TL110@6:20']],
  ['condition syntax', '  s:\n    C: x\n  condition: s and', ['TL103@6:19']],
  ['missing condition', '  s:\n    C: x', ['TL102@3:1']],
  ['gt on text', '  s:\n    N|gt: abc\n  condition: s', ['TL113@5:11']],
];

describe('IR builder', () => {
  it.each(cases)('%s', (_, detection, expected) => {
    const r = build(detection);
    expect(r.codes).toEqual([]);
    expect(r.expr).toBe(expected);
  });
  it.each(errors)('reports %s at its position', (_, detection, codes) => {
    expect(build(detection).codes).toEqual(codes);
  });
  it('freezes the tree', () => {
    const rs = loadRuleTexts({ 'r.yml': 'title: t\nlogsource: {}\ndetection:\n  s:\n    A: [x, y]\n  condition: s' });
    const e = rs.detections[0].expr;
    expect(Object.isFrozen(e)).toBe(true);
    if (e.kind === 'or') expect(Object.isFrozen(e.children[0])).toBe(true);
  });
  it('applies filters to the rules they name', () => {
    const rs = loadRuleTexts({
      'r.yml':
        'title: t\nid: 11111111-1111-4111-8111-111111111111\nlogsource: {product: windows, category: process_creation}\ndetection:\n  s:\n    A: x\n  condition: s',
      'f.yml':
        "title: f\nlogsource: {product: windows}\nfilter:\n  rules: ['11111111-1111-4111-8111-111111111111']\n  sel:\n    U|startswith: adm_\n  condition: sel",
    });
    expect(rs.diagnostics).toEqual([]);
    expect(show(rs.detections[0].expr)).toBe('and(A~"x", not(U~"adm_*"))');
  });
  it('reads correlations and checks their references', () => {
    const rs = loadRuleTexts({
      'c.yml':
        'title: c\ncorrelation:\n  type: event_count\n  rules: [missing]\n  group-by: [Host]\n  timespan: 5m\n  condition:\n    gte: 3',
    });
    expect(rs.correlations[0]).toMatchObject({
      type: 'event_count',
      timespanMs: 300_000,
      groupBy: ['Host'],
      condition: { gte: 3 },
    });
    expect(rs.diagnostics.map((d) => d.code)).toEqual(['TL117']);
  });
});
