/**
 * `tripline export` end to end: files and skipped.json land in the output folder, the summary names skipped rules
 * with file:line:column and the limit, usage errors exit 2; NRT and exports without ATT&CK data.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../../src/cli/exit.js';
import { runExport } from '../../src/cli/export.js';
import { attackDir, exportTo, fixtureRules, fixturesDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function run(args: Partial<Parameters<typeof runExport>[1]> & { to: string }) {
  const output = mkdtempSync(join(tmpdir(), 'tripline-export-'));
  dirs.push(output);
  const err: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  const code = await runExport([fixturesDir], {
    schedule: '5m',
    lookback: '10m',
    attackData: attackDir,
    output,
    ...args,
  });
  return { code, output, stderr: err.join('') };
}

describe('tripline export', () => {
  it('writes the files, skipped.json and a summary naming skipped rules', async () => {
    const { code, output, stderr } = await run({ to: 'sentinel' });
    expect(code).toBe(EXIT.ok);
    expect(existsSync(join(output, 'azuredeploy.json'))).toBe(true);
    const skipped = JSON.parse(readFileSync(join(output, 'skipped.json'), 'utf8')) as { title: string }[];
    expect(skipped.map((s) => s.title)).toEqual([
      'Burst of Failed Logons on One Host',
      'Failed Logons for Many Accounts on One Host',
    ]);
    expect(stderr).toMatch(/exported 2 of 4 rules to sentinel/);
    expect(stderr).toMatch(/failed_logons_burst\.yml:\d+:\d+: \[unsupported\]/);
  });

  it('packs the Splunk app', async () => {
    const { output } = await run({ to: 'splunk' });
    expect(existsSync(join(output, 'tripline_detections.tgz'))).toBe(true);
  });

  it.each([
    [{ to: 'nowhere' }, /unknown platform 'nowhere'/],
    [{ to: 'elastic', schedule: 'often' }, /--schedule 'often'/],
    [{ to: 'elastic', lookback: '10 minutes' }, /--lookback '10 minutes'/],
    [{ to: 'elastic', pipeline: ['no-such-pipeline'] }, /pipeline 'no-such-pipeline'/],
  ])('%j is a usage error', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(message);
  });

  it('--pipeline replaces the default (Sentinel over ASIM)', async () => {
    const { output } = await run({ to: 'sentinel', pipeline: ['sentinel-asim'] });
    const t = parseYaml(
      readFileSync(join(output, 'Detections/office_application_starts_encoded_powershell.yaml'), 'utf8'),
    );
    expect(t.query).toMatch(/^_Im_ProcessCreate/);
    expect(t.requiredDataConnectors.map((c: { connectorId: string }) => c.connectorId)).toContain('SecurityEvents');
  });
});

describe('schedules and ATT&CK data', () => {
  it('nrt makes Sentinel NRT rules (no frequency) and Defender continuous detections', async () => {
    const rules = await fixtureRules();
    const sentinel = exportTo(rules, 'sentinel', { schedule: 'nrt' });
    const t = parseYaml(sentinel.files.find((f) => f.path.startsWith('Detections/'))?.content ?? '');
    expect(t.kind).toBe('NRT');
    expect(t.queryFrequency).toBeUndefined();
    const defender = exportTo(rules, 'defender', { schedule: 'nrt' });
    expect(JSON.parse(defender.files[0].content).schedule.period).toBe('0');
  });

  it('without ATT&CK data, exports carry technique ids and tag-derived tactic names', async () => {
    const rules = await fixtureRules();
    const layer = JSON.parse(exportTo(rules, 'navigator', { attack: undefined }).files[0].content);
    expect(layer.techniques.map((t: { techniqueID: string }) => t.techniqueID)).toContain('T1059.001');
    const sentinel = exportTo(rules, 'sentinel', { attack: undefined });
    const t = parseYaml(sentinel.files.find((f) => f.path.startsWith('Detections/office'))?.content ?? '');
    expect(t.tactics).toEqual(['Execution', 'InitialAccess']);
    expect(t.relevantTechniques).toEqual(['T1059.001', 'T1566.001']);
  });
});
