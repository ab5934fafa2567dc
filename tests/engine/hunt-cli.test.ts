/**
 * `tripline hunt` end to end on the fixture logs and rules in tests/fixtures/hunt: every output format
 * against a golden file (UPDATE_GOLDEN=1 rewrites them), the record schema, reports and exit codes.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type HuntOptions, runHunt } from '../../src/cli/hunt.js';
import { CSV_COLUMNS } from '../../src/cli/hunt-output.js';

const FIX = 'tests/fixtures/hunt';
const RULES = [`${FIX}/rules`];
const LOGS = [`${FIX}/logs`];

async function run(opts: HuntOptions, logs = LOGS) {
  let stdout = '';
  let stderr = '';
  const code = await runHunt(
    logs,
    { workers: '1', ...opts },
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      contentDir: `${FIX}/no-such-content`,
    },
  );
  return { code, stdout, stderr };
}

/** Timing varies between runs; everything else in the output is deterministic. */
function normalise(text: string): string {
  return text.replace(/"seconds":[\d.]+/g, '"seconds":0').replace(/"events_per_second":\d+/g, '"events_per_second":0');
}

function golden(name: string, actual: string): void {
  const file = path.join(FIX, 'expected', name);
  if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) writeFileSync(file, actual);
  expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('output formats', () => {
  test.each(['table', 'jsonl', 'csv', 'json'])('%s matches its golden file', async (format) => {
    const { code, stdout } = await run({ rules: RULES, format, quiet: true });
    expect(code).toBe(3);
    golden(`out.${format === 'table' ? 'txt' : format}`, normalise(stdout));
  });

  test('jsonl records follow the documented schema', async () => {
    const { stdout } = await run({ rules: RULES, format: 'jsonl', quiet: true });
    const records = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const detection = [
      'type',
      'rule_id',
      'rule_title',
      'timestamp',
      'host',
      'file',
      'record',
      'line',
      'level',
      'tags',
      'fields',
    ];
    const correlation = [
      'type',
      'rule_id',
      'rule_title',
      'level',
      'tags',
      'correlation_type',
      'timestamp',
      'first_timestamp',
      'group',
      'value',
      'events',
    ];
    for (const r of records)
      expect(Object.keys(r).sort()).toEqual((r.type === 'detection' ? detection : correlation).sort());
    const corr = records.find((r) => r.type === 'correlation');
    expect(corr).toMatchObject({ correlation_type: 'event_count', group: { TargetUserName: 'admin' }, value: 4 });
    expect(corr.events.map((e: { record: number }) => e.record)).toEqual([100, 101, 102, 103]);
    // The base rule of a correlation (generate: false) raises no alerts of its own, even when the
    // selection leaves the correlation out.
    expect(records.some((r) => r.rule_title === 'Failed Logon')).toBe(false);
  });

  test('csv has the documented header and one line per record', async () => {
    const { stdout } = await run({ rules: RULES, format: 'csv', quiet: true });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(7);
  });

  test('-o writes to a file and the summary goes to stdout', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'hunt-')), 'out.json');
    const { stdout } = await run({ rules: RULES, format: 'json', output: out });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.version).toBe(1);
    expect(doc.detections).toHaveLength(6);
    expect(doc.summary).toMatchObject({ files: 3, events: 14, skipped_records: { total: 1 }, rules: { skipped: 1 } });
    expect(stdout).toMatch(/Hunted 3 files, 14 events/);
  });
});

describe('reports and selection', () => {
  test('start and end reports name skipped rules, skipped records and detections per level', async () => {
    const { stdout, stderr } = await run({ rules: RULES });
    expect(stdout).toMatch(/Rules: 6 detection and 1 correlation rules loaded/);
    expect(stdout).toMatch(/lookahead\.yml:10:21: warning TL114 rule skipped by the hunt engine: RE2 rejects/);
    expect(stdout).toMatch(/Skipped 1 records or files:\n {2}1 x malformed JSON/);
    expect(stdout).toMatch(/1 rules never saw an event \(their log source never occurred\): linux\/\*\/\* x1/);
    expect(stdout).toMatch(/Detections: 6 \(critical 1, high 2, medium 2, low 1\) from 5 rules/);
    expect(stderr).toMatch(/broken\.jsonl:2: malformed JSON/);
  });

  test.each([
    [{ minLevel: 'high' }, ['Mimikatz Command Line', 'Password Guessing Against One Account', 'Security Log Cleared']],
    [{ level: ['low'] }, ['SMB To Internal Network']],
    [{ includeTag: ['attack.t1033'] }, ['Whoami Execution']],
    [
      { excludeTag: ['attack.discovery', 'attack.t1110.001'] },
      ['Mimikatz Command Line', 'SMB To Internal Network', 'Security Log Cleared'],
    ],
    [{ status: ['stable'] }, ['Mimikatz Command Line', 'Security Log Cleared']],
    [{ rule: ['3c0f4b5e-6a43-4c3a-9e1b-0a1d2f3e4a01'] }, ['Whoami Execution']],
    [
      { from: '2024-05-01T10:00:30Z', to: '2024-05-01T10:59:59Z' },
      ['Mimikatz Command Line', 'SMB To Internal Network'],
    ],
  ] as const)('selection %j', async (sel, titles) => {
    const { stdout } = await run({ rules: RULES, format: 'jsonl', quiet: true, ...sel });
    const got = new Set(
      stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).rule_title),
    );
    expect([...got].sort()).toEqual([...titles].sort());
  });

  test.each([
    [{ format: 'xml' }, /unknown --format/],
    [{ minLevel: 'severe' }, /unknown level 'severe'/],
    [{ from: 'yesterday' }, /ISO 8601/],
    [{ source: 'pcap' }, /unknown --source/],
  ])('bad usage %j exits 2', async (opts, message) => {
    const { code, stderr } = await run({ rules: RULES, ...opts });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  test('without -r a missing content pack is reported clearly', async () => {
    const { code, stderr } = await run({});
    expect(code).toBe(2);
    expect(stderr).toMatch(/bundled content pack folder .*no-such-content.* is missing; pass rules with -r/);
  });

  test('exit codes: 0 clean, 1 with --fail-on-detection', async () => {
    const clean = [`${FIX}/logs/sysmon.jsonl`];
    expect((await run({ rules: RULES, quiet: true }, clean)).code).toBe(0);
    expect((await run({ rules: RULES, quiet: true, failOnDetection: true }, clean)).code).toBe(1);
  });
});
