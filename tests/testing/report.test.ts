/** `tripline test` outputs and usage errors: the matrix, JSON and well-formed JUnit over a small real run. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTest } from '../../src/cli/test.js';
import { renderJunit, renderText } from '../../src/testing/report.js';
import { testRules } from '../../src/testing/run.js';
import type { TestReport } from '../../src/testing/types.js';

const rules = path.resolve(import.meta.dirname, '../../content/t1195/rules');
const one = (f: string) => path.join(rules, f);

describe('tripline test outputs', () => {
  let report: TestReport;
  beforeAll(async () => {
    report = await testRules({
      rules: [one('updater_outbound_nonstandard_port.yml'), one('medoc_ezvit_spawns_suspicious_child.yml')],
      background: 300,
      targets: ['aql', 'kql', 'spl'],
    });
  });

  it('text: one row per rule, one column per check, unsupported reasons listed', () => {
    const text = renderText(report);
    const [head, ...rows] = text.split('\n');
    expect(head.split(/\s+/).slice(0, 7)).toEqual(['rule', 'fire', 'quiet', 'sql-diff', 'spl', 'aql', 'kql']);
    expect(rows[0]).toMatch(/^medoc_ezvit_spawns_suspicious_child\s+ok\s+ok\s+ok\s+~\s+~\s+ok\s+0 -> 0/);
    expect(rows[1]).toMatch(/^updater_outbound_nonstandard_port\s+ok\s+ok\s+u1\s+~\s+u2\s+ok/);
    expect(text).toContain('u2  aql: IPv6 CIDR networks');
    expect(text).toMatch(/2 rules, seed 1, 300 background events: \d+ passed, 0 failed, 2 unsupported/);
  });

  it('junit: well-formed, one testsuite per rule and one testcase per check', () => {
    const xml = renderJunit(report);
    const counts = { testsuite: 0, testcase: 0, skipped: 0, failure: 0 };
    const parser = new SaxesParser();
    parser.on('opentag', (t) => {
      if (t.name in counts) counts[t.name as keyof typeof counts]++;
    });
    parser.write(xml).close();
    expect(counts).toEqual({ testsuite: 2, testcase: 12, skipped: 2, failure: 0 });
  });

  it.each([
    [[], { format: 'yaml' }, /--format must be one of text, json, junit/],
    [[], { seed: '-1' }, /--seed and --background take a non-negative whole number/],
    [['no/such/rules'], {}, /no such rule file or folder: no\/such\/rules/],
  ])('usage error %#', async (paths, opts, message) => {
    let err = '';
    const code = await runTest(
      paths,
      opts,
      () => {},
      (t) => {
        err += t;
      },
    );
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('tripline test fails a rule that misses its attack or alerts on its quiet scenario', () => {
  it('reports FAIL with the scenario and exits 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tripline-test-broken-'));
    const text = readFileSync(one('medoc_ezvit_spawns_suspicious_child.yml'), 'utf8');
    // missed.yml no longer lists rundll32 as a child, so it misses NotPetya; noisy.yml claims NotPetya is quiet.
    const missed = text.replace(/\n\s*- '\\rundll32\.exe'/, '');
    const noisy = text
      .replace(/^id: .*$/m, 'id: 6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b')
      .replace(/ {4}quiet:\n/, '    quiet:\n      - attack-notpetya-medoc\n');
    expect(missed).not.toBe(text);
    expect(noisy).not.toBe(text);
    writeFileSync(path.join(dir, 'missed.yml'), missed);
    writeFileSync(path.join(dir, 'noisy.yml'), noisy);
    let out = '';
    const code = await runTest(
      [dir],
      { background: '100', target: ['sql'] },
      (t) => {
        out += t;
      },
      () => {},
    );
    expect(code).toBe(1);
    expect(out).toMatch(/^missed\s+FAIL\s+ok\s+ok\s+ok/m);
    expect(out).toMatch(/^noisy\s+ok\s+FAIL\s+ok\s+ok/m);
    expect(out).toContain('missed fire: attack-notpetya-medoc: no alert');
    expect(out).toMatch(/noisy quiet: attack-notpetya-medoc: \d+ alert/);
  });
});
