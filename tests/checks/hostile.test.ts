/**
 * Hostile input, generated into a temp folder: each gives a clear positioned diagnostic (or loads fine),
 * never a crash or a hang, and never stops the other files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { EXIT } from '../../src/cli/exit.js';

const tmp = mkdtempSync(join(tmpdir(), 'tripline-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RULE = (n: number | string, condition = 'selection') =>
  `title: Hostile ${n}\nid: 6f1c2d3e-4a5b-4c6d-8e7f-${String(n).padStart(12, '0').slice(-12)}\nstatus: test\n` +
  `description: Generated rule ${n}.\nauthor: tripline tests\ndate: 2024-01-15\nlogsource:\n  category: process_creation\n` +
  `  product: windows\ndetection:\n  selection:\n    Image|endswith: '\\\\x${n}.exe'\n  condition: ${condition}\nlevel: low\n`;

/** Writes a file into the temp folder and returns its path. */
function put(name: string, content: string | Uint8Array): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

async function codesOf(file: string): Promise<{ codes: string[]; stdout: string; exitCode: number }> {
  const r = await runCheck([file], { format: 'json' }, tmp);
  const json = JSON.parse(r.stdout);
  return { codes: json.diagnostics.map((d: { code: string }) => d.code), stdout: r.stdout, exitCode: r.exitCode };
}

describe('hostile input', () => {
  it('10,000 nested parentheses: condition-too-deep, no stack overflow', async () => {
    const file = put('deep.yml', RULE(1, `${'('.repeat(10_000)}selection${')'.repeat(10_000)}`));
    const r = await codesOf(file);
    expect(r.codes).toContain('TL109');
    expect(r.exitCode).toBe(EXIT.findings);
  });

  it('YAML alias bomb: yaml-alias-limit', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    const r = await codesOf(put('bomb.yml', `title: bomb\n${levels.join('\n')}\n`));
    expect(r.codes).toEqual(['TL006']);
  });

  it('UTF-16 (LE and BE with BOM, LE without): decoded with a warning, the rule is still checked', async () => {
    const text = RULE(2);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be]), Buffer.from(text, 'utf16le')]) {
      const r = await codesOf(put('utf16.yml', bytes));
      expect(r.codes).toContain('TL003');
      expect(r.codes.filter((c) => c !== 'TL003' && c !== 'TL232' && c !== 'TL310')).toEqual([]);
    }
  });

  it('Latin-1: decoded with a warning', async () => {
    const r = await codesOf(put('latin1.yml', Buffer.from(RULE(3).replace('Generated', 'Généré'), 'latin1')));
    expect(r.codes).toContain('TL003');
    expect(r.stdout).toContain('Latin-1');
  });

  it('empty file, whitespace-only file, binary file', async () => {
    expect((await codesOf(put('empty.yml', ''))).codes).toEqual(['TL007']);
    expect((await codesOf(put('blank.yml', '\n\n   \n# only a comment\n'))).codes).toEqual(['TL007']);
    const binary = put('binary.yml', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 255]));
    expect((await codesOf(binary)).codes).toEqual(['TL004']);
  });

  it('a file over the size limit is refused; a large rule under it is checked', async () => {
    const huge = await codesOf(put('huge.yml', `title: huge\ndescription: '${'x'.repeat(5 * 1024 * 1024)}'\n`));
    expect(huge.codes).toEqual(['TL005']);
    const values = Array.from({ length: 20_000 }, (_, i) => `      - 'value-${i}'`).join('\n');
    const big = RULE(4).replace("    Image|endswith: '\\\\x4.exe'", `    CommandLine|contains:\n${values}`);
    const r = await codesOf(put('big.yml', big));
    expect(r.codes.filter((c) => !['TL232', 'TL310'].includes(c))).toEqual([]);
  });

  it('a directory of 10,000 small files: every file is read, one broken file does not stop the rest', async () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.yml`), RULE(i));
    writeFileSync(join(dir, 'r05000.yml'), RULE(5000, 'selection and'));
    const r = await runCheck([dir], { format: 'json', disable: ['TL232', 'TL310'] }, tmp);
    const json = JSON.parse(r.stdout);
    expect(json.summary.files).toBe(10_000);
    expect(json.diagnostics.map((d: { file: string; code: string }) => `${d.file.slice(-10)} ${d.code}`)).toEqual([
      'r05000.yml TL103',
    ]);
    expect(r.exitCode).toBe(EXIT.findings);
  });
});
