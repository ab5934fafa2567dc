/**
 * The `tripline` bin is a bundle (dist/bin, scripts/bundle-cli.mjs). Code that finds files next to itself
 * through `new URL(..., import.meta.url)` — worker scripts, content/, the site app — must find them from the
 * bundle too; a worker that fails to load falls back to the main thread silently, so each target is checked
 * here, and a hunt on two workers must give what one thread gives.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'dist/bin');
const samples = resolve(root, '../shared/samples/evtx');

/** Every `new URL('<relative>', import.meta.url)` in the sources, with the file that holds it. */
function urlTargets(dir: string): [file: string, target: string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e): [string, string][] => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return urlTargets(p);
    if (!e.name.endsWith('.ts')) return [];
    const text = readFileSync(p, 'utf8');
    return [...text.matchAll(/new URL\('(\.{1,2}\/[^']*)', import\.meta\.url\)/g)].map((m) => [p, m[1]]);
  });
}

describe('the bundled CLI', () => {
  it('is built (npm test builds it)', () => {
    expect(existsSync(join(bin, 'main.js')), 'run `npm run build` first').toBe(true);
  });

  const targets = urlTargets(join(root, 'src'));
  it('finds every file the sources locate from their own URL', () => {
    expect(targets.length).toBeGreaterThanOrEqual(5); // three workers, content/, the site app
    for (const [file, target] of targets) {
      const fromBundle = fileURLToPath(new URL(target, pathToFileURL(join(bin, 'main.js'))));
      expect(existsSync(fromBundle), `${target} (from ${file}) is missing at ${fromBundle}`).toBe(true);
    }
  });

  it.skipIf(!existsSync(samples))(
    'hunts the same on two worker threads as on one',
    () => {
      // The samples hold files no reader takes, so the exit code says records were skipped: compare it too.
      const hunt = (workers: string) => {
        const args = [join(bin, 'main.js'), 'hunt', samples, '--workers', workers, '--format', 'jsonl'];
        const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
        return { status: run.status, detections: run.stdout };
      };
      const one = hunt('1');
      expect(one.detections.split('\n').length).toBeGreaterThan(10);
      expect(hunt('2')).toEqual(one);
    },
    120_000,
  );
});
