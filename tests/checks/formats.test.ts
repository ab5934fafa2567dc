/** The output formats: SARIF validated against the essential SARIF 2.1.0 schema, JUnit well-formed and escaped, JSON shape, text summary. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatJson, formatJunit, formatSarif, formatText } from '../../src/checks/format/index.js';
import { escapeXml } from '../../src/checks/format/junit.js';
import { checkRuleSet } from '../../src/checks/index.js';
import { CODES } from '../../src/core/codes.js';
import { diagnostic } from '../../src/core/diagnostic.js';
import { loadRules } from '../../src/ruleset/load.js';
import { REPO, xmlText } from './helpers.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv2020,
) => void;

const HOSTILE = diagnostic(
  'dir/a&b <x>.yml',
  { line: 3, column: 5, endLine: 3, endColumn: 9 },
  'error',
  'TL104',
  'unknown-modifier',
  `bad "quote" 'apos' <tag> & \u0001 ctrl ]]> end`,
);
const WARN = diagnostic(
  'dir/c.yml',
  { line: 1, column: 1, endLine: 1, endColumn: 1 },
  'warning',
  'TL201',
  'missing-id',
  'the rule has no `id`',
);
const REPORT = { files: ['dir/a&b <x>.yml', 'dir/c.yml', 'dir/clean.yml'], diagnostics: [HOSTILE, WARN] };

describe('SARIF', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'sarif-2.1.0.essential.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 essentials, with a rule per code and a region per result', async () => {
    const ruleSet = await loadRules([join(REPO, 'tests/fixtures/broken')]);
    const diagnostics = checkRuleSet(ruleSet, {});
    const log = JSON.parse(formatSarif({ files: ruleSet.files, diagnostics }));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.length).toBe(Object.keys(CODES).length);
    for (const r of log.runs[0].results) {
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    expect(log.runs[0].results.length).toBe(diagnostics.length);
  });

  it('encodes file paths as URIs and maps info to note', () => {
    const info = diagnostic('a b/c#d.yml', undefined, 'info', 'TL208', 'missing-status', 'x');
    const log = JSON.parse(formatSarif({ files: [], diagnostics: [info] }));
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results[0].level).toBe('note');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('a%20b/c%23d.yml');
  });
});

describe('JUnit', () => {
  it('is well-formed XML with one testcase per file and escaped text', () => {
    const xml = formatJunit(REPORT);
    const text = xmlText(xml);
    expect(text).toContain(`dir/a&b <x>.yml:3:5: error TL104 bad "quote" 'apos' <tag> &`);
    expect(text).toContain('dir/c.yml:1:1: warning TL201');
    expect(xml.match(/<testcase /g)?.length).toBe(3);
    expect(xml.match(/<failure /g)?.length).toBe(1);
    expect(xml).toContain('tests="3" failures="1"');
  });

  it('replaces characters XML cannot carry', () => {
    expect(escapeXml('a\u0001b\uFFFEc')).toBe('a\uFFFDb\uFFFDc');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});

describe('JSON and text', () => {
  it('JSON has version, diagnostics with every documented field, and a summary', () => {
    const out = JSON.parse(formatJson(REPORT));
    expect(out.version).toBe(1);
    expect(Object.keys(out.diagnostics[0]).sort()).toEqual(
      ['check', 'code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity'].sort(),
    );
    expect(out.summary).toEqual({ files: 3, filesWithFindings: 2, errors: 1, warnings: 1, infos: 0 });
  });

  it('text groups per file and ends with a summary line', () => {
    const out = formatText(REPORT);
    expect(out.split('\n\n')).toHaveLength(3);
    expect(out).toContain('dir/a&b <x>.yml:3:5: error TL104 bad');
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 files checked: 1 error, 1 warning, 0 info in 2 files');
    expect(formatText({ files: ['x.yml'], diagnostics: [] })).toBe('1 file checked: no problems\n');
  });
});
