/** `tripline check` end to end (runCheck, no subprocess), the config file and flags, and the runner's guard. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../src/checks/data/load.js';
import { checkRuleSet, parseCheckConfig } from '../../src/checks/index.js';
import { checkPaths, split } from '../../src/checks/parallel.js';
import type { RuleCheck } from '../../src/checks/types.js';
import { runCheck } from '../../src/cli/check.js';
import { EXIT } from '../../src/cli/exit.js';
import { CODES } from '../../src/core/codes.js';
import { formatDiagnostic } from '../../src/core/diagnostic.js';
import { loadRules, loadRuleTexts } from '../../src/ruleset/load.js';
import { HAVE_SHARED, REPO } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'tripline-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const broken = (name: string) => join(REPO, 'tests/fixtures/broken', name);
const MISSING_AUTHOR = broken('TL214-missing-author.yml');

describe('tripline check', () => {
  it('exits 1 on errors and prints file:line:col', async () => {
    const r = await runCheck([broken('TL104-unknown-modifier.yml')], {}, tmp);
    expect(r.exitCode).toBe(EXIT.findings);
    expect(r.stdout).toContain('TL104-unknown-modifier.yml:17:5: error TL104 unknown modifier');
    expect(r.stdout).toContain("did you mean 'endswith'?");
  });

  it.skipIf(!HAVE_SHARED)('exits 0 on clean rules (warnings allowed)', async () => {
    const clean = await runCheck(
      [join(REPO, 'tests/fixtures/valid')],
      { attackData: join(REPO, '../shared/attack') },
      REPO,
    );
    expect(clean.stdout).toBe('2 files checked: no problems\n');
    expect(clean.exitCode).toBe(EXIT.ok);
    const warned = await runCheck([broken('TL201-missing-id.yml')], {}, REPO);
    expect(warned.exitCode).toBe(EXIT.ok);
    expect(warned.stdout).toContain('warning TL201');
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const r = await runCheck([broken('TL201-missing-id.yml')], { maxWarnings: '0' }, tmp);
    expect(r.exitCode).toBe(EXIT.findings);
    expect(r.stderr).toContain('exceed --max-warnings 0');
  });

  it('bad usage exits 2 with a message', async () => {
    const cases = [
      await runCheck([MISSING_AUTHOR], { format: 'xml' }, tmp),
      await runCheck([], {}, tmp),
      await runCheck([MISSING_AUTHOR], { disable: ['missing-autor'] }, tmp),
      await runCheck([MISSING_AUTHOR], { maxWarnings: 'many' }, tmp),
      await runCheck([MISSING_AUTHOR], { attackData: join(tmp, 'nope') }, tmp),
      await runCheck([MISSING_AUTHOR], { config: join(tmp, 'nope.yml') }, tmp),
    ];
    for (const r of cases) expect(r.exitCode).toBe(EXIT.usage);
    expect(cases[0].stderr).toContain("unknown format 'xml'");
    expect(cases[2].stderr).toContain("did you mean 'missing-author'?");
  });

  it('--list-checks lists every code with severity and summary', async () => {
    const r = await runCheck([], { listChecks: true }, tmp);
    expect(r.exitCode).toBe(EXIT.ok);
    for (const info of Object.values(CODES)) expect(r.stdout).toContain(`${info.code}  ${info.severity}`);
  });

  it('--disable and --enable by name or code; -o writes the report', async () => {
    const off = await runCheck([MISSING_AUTHOR], { disable: ['TL214,missing-id'], format: 'json' }, tmp);
    expect(JSON.parse(off.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('TL214');
    const back = await runCheck(
      [MISSING_AUTHOR],
      { disable: ['missing-author'], enable: ['TL214'], format: 'json' },
      tmp,
    );
    expect(JSON.parse(back.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('TL214');
    const out = join(tmp, 'report.sarif');
    const written = await runCheck([MISSING_AUTHOR], { format: 'sarif', output: out }, tmp);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  it('reads .tripline.yml from the working folder: off, severity by code, max-warnings', async () => {
    const dir = mkdtempSync(join(tmp, 'cfg-'));
    writeFileSync(
      join(dir, '.tripline.yml'),
      'check:\n  max-warnings: 5\n  checks:\n    TL214: error\n    missing-date: off\n',
    );
    const r = await runCheck([MISSING_AUTHOR, broken('TL210-missing-date.yml')], { format: 'json' }, dir);
    const codes = JSON.parse(r.stdout).diagnostics.map(
      (d: { code: string; severity: string }) => `${d.code}:${d.severity}`,
    );
    expect(codes).toContain('TL214:error');
    expect(codes.some((c: string) => c.startsWith('TL210'))).toBe(false);
    expect(r.exitCode).toBe(EXIT.findings);
    writeFileSync(join(dir, '.tripline.yml'), 'check:\n  checks:\n    TL214: loud\n');
    const bad = await runCheck([MISSING_AUTHOR], {}, dir);
    expect(bad.exitCode).toBe(EXIT.usage);
    expect(bad.stderr).toContain('use off, error, warning or info');
  });
});

describe('config parsing', () => {
  it('accepts names and codes and rejects unknown checks and bad values', () => {
    expect(parseCheckConfig('check:\n  checks:\n    TL214: off\n    missing-id: info\n', 'c.yml').errors).toEqual([]);
    const { errors } = parseCheckConfig(
      'check:\n  attack-data: 5\n  checks:\n    TL999: off\n    missing-id: maybe\n',
      'c.yml',
    );
    expect(errors.join('\n')).toMatch(/unknown check 'TL999'[\s\S]*maybe[\s\S]*attack-data/);
    expect(parseCheckConfig('check: [', 'c.yml').errors[0]).toContain('not valid YAML');
    expect(parseCheckConfig('', 'c.yml').config?.checks).toEqual({});
  });
});

describe('runner', () => {
  const ruleSet = loadRuleTexts({
    'r.yml': 'title: t\nlogsource:\n  product: windows\ndetection:\n  s:\n    A: 1\n  condition: s\n',
  });

  it('turns a crashing check into TL199 and keeps running the others', () => {
    const crash: RuleCheck = {
      name: 'missing-author',
      help: 'x',
      scope: 'rule',
      run() {
        throw new Error('boom');
      },
    };
    const found = checkRuleSet(ruleSet, {}, [crash]);
    expect(found.map((d) => d.code)).toEqual(['TL199']);
    expect(found[0].message).toContain("check 'missing-author' crashed: boom");
    expect(checkRuleSet(ruleSet, {}).some((d) => d.code === 'TL214')).toBe(true);
  });

  it('applies settings: off drops, a severity overrides, codes win over names', () => {
    const codes = (checks: Record<string, 'off' | 'error' | 'warning' | 'info'>) =>
      checkRuleSet(ruleSet, { checks }).map((d) => `${d.code}:${d.severity}`);
    expect(codes({ 'missing-author': 'off' })).not.toContain('TL214:info');
    expect(codes({ 'missing-author': 'warning', TL214: 'error' })).toContain('TL214:error');
    expect(codes({})).toContain('TL214:info');
  });
});

describe('checkPaths (chunked, as worker threads run it)', () => {
  it('gives exactly the diagnostics of loadRules + checkRuleSet', async () => {
    const folders = [join(REPO, 'tests/fixtures/broken'), join(REPO, 'tests/fixtures/valid')];
    const data = { attackDir: join(REPO, '../shared/attack'), cwd: REPO };
    const chunked = await checkPaths(folders, { chunks: 3, dataOptions: data });
    const ruleSet = await loadRules(folders);
    const whole = checkRuleSet(ruleSet, { data: loadReferenceData(data) });
    expect(chunked.files).toEqual(ruleSet.files);
    expect(chunked.diagnostics.map(formatDiagnostic)).toEqual(whole.map(formatDiagnostic));
    expect(split([1, 2, 3, 4, 5], 2)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('--jobs must be a whole number', async () => {
    expect((await runCheck([MISSING_AUTHOR], { jobs: '0' }, tmp)).exitCode).toBe(EXIT.usage);
  });
});
