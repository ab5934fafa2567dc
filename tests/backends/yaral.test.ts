/**
 * YARA-L 2.0 target: string/regex literal properties (fast-check) checked with the structural checker's
 * tokenizer and RE2, rule structure, correlations, goldens through the checker, and coverage of the
 * SigmaHQ corpus with the default `secops-udm` pipeline.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertRuleSet } from '../../src/backends/convert.js';
import { YARAL, yaralString } from '../../src/backends/yaral.js';
import { MANY, pattern } from '../../src/ir/pattern.js';
import type { Pattern, StringMatch } from '../../src/ir/types.js';
import { compileRe2 } from '../../src/ir/validate.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import { loadRules, loadRuleTexts } from '../../src/ruleset/load.js';
import { pipelineFieldSet } from './checkers/aql.js';
import { checkYaral, tokenizeYaral } from './checkers/yaral.js';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus/sigma');
const cases = resolve(import.meta.dirname, '../cases');
const udm = builtinPipeline('secops-udm')!;
const fields = pipelineFieldSet(udm);
const ctx = { rule: undefined as never, target: 'yaral', warn: () => {} };
const hostile = fc.string({
  maxLength: 20,
  unit: fc.constantFrom('a', 'B', "'", '"', '\\', '%', '_', '*', '?', '/', '\n', 'é', '😀', ' ', '.', '`'),
});

/** Evaluates a single-leaf emission `$e.f = <lit> [nocase]`: strings compare whole values, regexes search (RE2). */
function yaralEval(p: Pattern, cased: boolean, value: string): boolean {
  const node: StringMatch = { kind: 'string', field: 'target.process.command_line', pattern: p, cased };
  const toks = tokenizeYaral(YARAL.leaves.string(node, ctx) as string);
  const lit = toks.find((t) => t.kind === 'string' || t.kind === 'regex')!;
  const nocase = toks[toks.length - 1].value === 'nocase';
  if (lit.kind === 'string') return nocase ? lit.value.toLowerCase() === value.toLowerCase() : lit.value === value;
  return compileRe2(lit.value, { ignoreCase: nocase, multiline: false, dotAll: false }).matcher(value).find();
}

function convert(texts: Record<string, string>) {
  return convertRuleSet(loadRuleTexts(texts), YARAL, [udm]);
}

describe('YARA-L target', () => {
  it('string literals unescape to exactly the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lit = yaralString(s);
        if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s)) expect(lit).toBeUndefined();
        else expect(tokenizeYaral(lit as string)).toEqual([{ kind: 'string', value: s }]);
      }),
      { numRuns: 300 },
    );
  });

  it('exact, contains and wildcard values match the input and not a one-character variant', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (s, cased) => {
        expect(yaralEval(pattern([s]), cased, s)).toBe(true);
        expect(yaralEval(pattern([s]), cased, `${s}x`)).toBe(false);
        if (s.length === 0) return;
        expect(yaralEval(pattern([s]), cased, s.slice(1))).toBe(false);
        expect(yaralEval(pattern([MANY, s, MANY]), cased, `<${s}>`)).toBe(true);
        expect(yaralEval(pattern([MANY, s, MANY]), cased, `<${s.slice(1)}>`)).toBe(false);
        expect(yaralEval(pattern([s, { wildcard: 'one' }]), cased, `${s}z`)).toBe(true);
        expect(yaralEval(pattern([s, { wildcard: 'one' }]), cased, s)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a complete rule with meta, events and condition in order', () => {
    const [c] = convert({
      'r.yml': `title: Cmd "quoted" run\nid: 0d3a1f7e-0099-4a00-8000-000000000099\nlevel: high\ntags: [attack.execution, attack.t1059.003]\nlogsource: {category: network_connection, product: windows}\ndetection:\n  s:\n    DestinationPort: 443\n    DestinationIp|cidr: 10.0.0.0/8\n    Image|endswith: '\\cmd.exe'\n  condition: s\n`,
    });
    const q = c.queries[0];
    expect(checkYaral(q, fields)).toEqual([]);
    expect(q).toContain('$e.target.port = 443');
    expect(q).toContain('net.ip_in_range_cidr($e.target.ip, "10.0.0.0/8")');
    expect(q).toContain('mitre_attack_technique = "T1059.003"');
    expect(q).toContain('rule_name = "Cmd \\"quoted\\" run"');
    expect(q.indexOf('meta:')).toBeLessThan(q.indexOf('events:'));
  });

  it('refuses keywords and correlations without group-by, and warns about null', () => {
    const [kw] = convert({
      'k.yml': 'title: k\nlogsource: {product: linux}\ndetection:\n  k: [evil]\n  condition: k\n',
    });
    expect(kw.errors[0].message).toContain('keywords');
    const [nul] = convert({
      'n.yml':
        'title: n\nlogsource: {category: process_creation, product: windows}\ndetection:\n  s:\n    ParentCommandLine: null\n  condition: s\n',
    });
    expect(nul.queries[0]).toContain('$e.principal.process.command_line = ""');
    expect(nul.warnings.map((w) => w.message).join()).toContain('UDM has no null');
    const base =
      'title: b\nname: b\nlogsource: {category: process_creation, product: windows}\ndetection:\n  s:\n    Image|endswith: x.exe\n  condition: s\n';
    const out = convert({
      'c.yml': `${base}---\ntitle: c\ncorrelation:\n  type: event_count\n  rules: [b]\n  timespan: 5m\n  condition: {gte: 3}\n`,
    });
    expect(out.find((c) => c.title === 'c')?.errors[0].message).toContain('need a match variable');
  });

  it('emits every golden case so that the checker accepts it', () => {
    const texts = Object.fromEntries(
      readdirSync(cases)
        .filter((f) => f.endsWith('.yml'))
        .map((f) => [f, readFileSync(join(cases, f), 'utf8')]),
    );
    const out = convert(texts);
    expect(out.filter((c) => c.queries.length).length).toBeGreaterThan(5);
    for (const c of out) for (const q of c.queries) expect(checkYaral(q, fields), q).toEqual([]);
  });

  it('writes every modifier of the modifiers case once numeric pid comparison is taken out', () => {
    const text = readFileSync(join(cases, 'modifiers.yml'), 'utf8')
      .replace(/\n {2}numbers:\n {4}ProcessId\|gt: 4/, '')
      .replace(' or numbers', '');
    const [c] = convert({ 'm.yml': text });
    expect(c.errors).toEqual([]);
    const q = c.queries[0];
    expect(checkYaral(q, fields)).toEqual([]);
    for (const piece of [
      '$e.target.process.file.full_path = "C:\\\\Windows\\\\System32\\\\cmd.exe" nocase',
      '$e.target.process.command_line = /IEX/',
      'net.ip_in_range_cidr($e.additional.fields["SourceIp"], "10.0.0.0/8")',
      '$e.target.process.command_line = / \\/exec / nocase',
      '$e.principal.process.command_line = ""',
      'strings.to_lower($e.target.user.userid) = strings.to_lower($e.principal.user.userid)',
      'not ($e.target.process.integrity_level_rid = 16384)',
    ])
      expect(q).toContain(piece);
  });

  it('rejects malformed rules in the checker', () => {
    const ok =
      'rule a {\n  meta:\n    author = "x"\n  events:\n    $e.metadata.event_type = "PROCESS_LAUNCH"\n  condition:\n    $e\n}';
    expect(checkYaral(ok, fields)).toEqual([]);
    expect(checkYaral(ok.replace('PROCESS_LAUNCH', 'PROCESS_START'), fields)).not.toEqual([]);
    expect(checkYaral(ok.replace('    $e\n}', '    $x\n}'), fields)).not.toEqual([]);
    expect(checkYaral(ok.replace('"x"', 'x'), fields)).not.toEqual([]);
    expect(checkYaral(ok.replace('metadata.event_type', 'metadata.nope'), fields)).not.toEqual([]);
    expect(checkYaral(ok.replace('  condition:\n    $e\n', ''), fields)).not.toEqual([]);
  });
});

describe.skipIf(!existsSync(corpus))('YARA-L over the SigmaHQ corpus (secops-udm pipeline)', () => {
  it('converts at least as many rules as pySigma, every error named, every rule well-formed', async () => {
    const out = convertRuleSet(await loadRules([corpus]), YARAL, [udm]);
    expect(out.filter((c) => c.queries.length > 0).length).toBeGreaterThanOrEqual(2346);
    for (const c of out) {
      if (c.queries.length === 0) expect(c.errors.length).toBeGreaterThan(0);
      for (const e of c.errors) expect(e.check).toBe('unsupported');
      for (const q of c.queries) expect(checkYaral(q, fields), `${c.file}\n${q}`).toEqual([]);
    }
  }, 120_000);
});
