/**
 * `tripline convert` and `tripline list` end to end (in process): output formats, per-rule files, filters,
 * unsupported handling and exit codes, using the KQL target and the endpoint case rules.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runConvert } from '../../src/cli/convert.js';
import { EXIT } from '../../src/cli/exit.js';
import { runList } from '../../src/cli/list.js';

const cases = resolve(import.meta.dirname, '../cases/endpoint.yml');
let dir: string;
let unsupportedRule: string;
let stderr: string[];
let stdout: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tripline-convert-'));
  // Defender has no call traces: this rule cannot be converted with the default `mde` pipeline.
  unsupportedRule = join(dir, 'calltrace.yml');
  writeFileSync(
    unsupportedRule,
    [
      'title: Case - unsupported field',
      'logsource: {category: process_access, product: windows}',
      'detection:',
      '  selection:',
      "    CallTrace|contains: 'UNKNOWN('",
      '  condition: selection',
    ].join('\n'),
  );
  stderr = [];
  stdout = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => stderr.push(String(s)) > 0);
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => stdout.push(String(s)) > 0);
});
afterEach(() => vi.restoreAllMocks());

const base = { target: 'kql', format: 'text' as const };

describe('tripline convert', () => {
  it('writes JSON with rules, errors and a summary; unsupported rules fail the run', async () => {
    const out = join(dir, 'out.json');
    const code = await runConvert([cases, unsupportedRule], { ...base, format: 'json', output: out });
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(code).toBe(EXIT.findings);
    expect(json.summary).toEqual({ converted: json.rules.length, unsupported: 1, loadErrors: 0 });
    const rule = json.rules.find((r: { title: string }) => r.title === 'Case - dns query');
    expect(rule).toMatchObject({ target: 'kql', pipeline: ['mde'], warnings: [] });
    expect(rule.queries[0]).toMatch(/^DeviceEvents\n\| where ActionType =~ "DnsQueryResponse"\n\| extend /);
    expect(json.errors).toEqual([
      expect.objectContaining({ code: 'TL121', line: 5, message: expect.stringContaining("'CallTrace'") }),
    ]);
    expect(stderr.join('')).toMatch(
      /calltrace\.yml:5:\d+: error TL121 rule 'Case - unsupported field'.*\(target kql\)/,
    );
  });

  it('--skip-unsupported lists skipped rules and exits 0', async () => {
    const code = await runConvert([cases, unsupportedRule], { ...base, skipUnsupported: true });
    expect(code).toBe(EXIT.ok);
    expect(stderr.join('')).toMatch(/skipped 1 unsupported rule\(s\):\n {2}.*Case - unsupported field: /);
    expect(stdout.join('')).toContain('DeviceRegistryEvents\n| where ActionType =~ "RegistryValueSet"');
  });

  it('--output-dir writes one file per rule', async () => {
    await runConvert([cases], { ...base, outputDir: join(dir, 'q'), skipUnsupported: true });
    const files = readdirSync(join(dir, 'q')).sort();
    expect(files).toEqual(['endpoint.kql', ...[2, 3, 4, 5, 6, 7, 8].map((i) => `endpoint-${i}.kql`)].sort());
    expect(readFileSync(join(dir, 'q', 'endpoint.kql'), 'utf8')).toMatch(/^DeviceProcessEvents\n/);
  });

  it('--filter adds the filter to the rules it names', async () => {
    const filter = join(dir, 'filter.yml');
    writeFileSync(
      filter,
      [
        'title: drop dns to example',
        'logsource: {category: dns_query, product: windows}',
        'filter:',
        '  rules: [0d3a1f7e-0104-4a00-8000-000000000104]',
        '  sel: {QueryName: "x.example.onion"}',
        '  condition: sel',
      ].join('\n'),
    );
    await runConvert([cases], { ...base, filter: [filter], skipUnsupported: true });
    expect(stdout.join('')).toContain('not(DnsQueryString =~ "x.example.onion")');
  });

  it('reads a pipeline YAML file and reports a broken one with its position', async () => {
    const good = join(dir, 'p.yml');
    writeFileSync(good, 'name: mine\nlogsources:\n  - match: {category: dns_query}\n    table: Dns\n');
    await runConvert([cases], { ...base, pipeline: [good], skipUnsupported: true });
    expect(stdout.join('')).toContain('Dns\n| where QueryName endswith ".onion"');
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'name: bad\nlogsourcez: []\n');
    expect(await runConvert([cases], { ...base, pipeline: [bad] })).toBe(EXIT.usage);
    expect(stderr.join('')).toMatch(/bad\.yml:2:\d+: error TL120 unknown pipeline key 'logsourcez'/);
  });

  it('rejects unknown targets and pipelines as usage errors', async () => {
    expect(await runConvert([cases], { ...base, target: 'nope' })).toBe(EXIT.usage);
    expect(await runConvert([cases], { ...base, pipeline: ['nope'] })).toBe(EXIT.usage);
    expect(stderr.join('')).toMatch(/unknown target 'nope'; available: .*kql/);
    expect(stderr.join('')).toMatch(/unknown pipeline 'nope'; built-ins: .*mde/);
  });
});

describe('tripline list', () => {
  it('lists targets and pipelines as text and JSON', () => {
    expect(runList('targets', 'text')).toBe(EXIT.ok);
    expect(stdout.join('')).toMatch(/^NAME +TITLE +DEFAULT_PIPELINES +PIPELINES\n/);
    expect(stdout.join('')).toMatch(/\nkql +Microsoft KQL .* +mde +mde, sentinel-asim\n/);
    stdout.length = 0;
    expect(runList('pipelines', 'json')).toBe(EXIT.ok);
    const rows = JSON.parse(stdout.join(''));
    expect(rows).toContainEqual(expect.objectContaining({ name: 'mde', targets: 'kql' }));
    expect(runList('rules', 'text')).toBe(EXIT.usage);
  });
});
