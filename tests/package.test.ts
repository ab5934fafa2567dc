/**
 * Publish-readiness: `npm pack` gives a tarball that installs into a clean project, whose `tripline` bin
 * runs and whose library entry point (with type declarations) imports. Uses the npm cache, no network
 * beyond the registry npm already uses.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'tripline-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm package', () => {
  it('keeps src/version.ts in step with package.json', () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version).toBe(VERSION);
  });

  it('packs, installs on a clean project and runs', () => {
    expect(existsSync(join(root, 'dist/bin/main.js')), 'run `npm run build` first (npm test does)').toBe(true);
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
        cwd: root,
        encoding: 'utf8',
      }),
    );
    const tarball = join(work, packed[0].filename);
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/index.d.ts');
    expect(files.some((f) => f.startsWith('src/'))).toBe(false);
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', version: '1.0.0', type: 'module', private: true }),
    );
    execFileSync(
      'npm',
      ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
      { cwd: app, stdio: 'pipe' },
    );
    const help = execFileSync(join(app, 'node_modules/.bin/tripline'), ['--help'], { encoding: 'utf8' });
    expect(help).toContain('Usage: tripline');
    writeFileSync(
      join(app, 'use.mjs'),
      "import { loadRuleTexts, VERSION } from 'tripline';\nconst r = loadRuleTexts({ 'a.yml': 'title: t\\nlogsource: {}\\ndetection:\\n  s:\\n    A: 1\\n  condition: s' });\nconsole.log(VERSION, r.detections.length);\n",
    );
    expect(execFileSync('node', ['use.mjs'], { cwd: app, encoding: 'utf8' }).trim()).toBe(`${VERSION} 1`);
    expect(existsSync(join(app, 'node_modules/tripline/dist/index.d.ts'))).toBe(true);
  }, 300_000);
});
