/**
 * The `tripline` bin is a bundle (dist/bin, scripts/bundle-cli.mjs). Code that finds files next to itself
 * through `new URL(..., import.meta.url)` — worker scripts, content/, the site app — must find them from the
 * bundle too; a worker that fails to load falls back to the main thread silently, so each target is checked
 * here, and a hunt on two workers must give what one thread gives.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

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

// Node 22.1+ keeps the cache itself (module.enableCompileCache), in a folder and format of its own.
const nodeKeepsCache = 'enableCompileCache' in module;

describe.skipIf(!existsSync(join(bin, 'main.js')) || nodeKeepsCache)(
  'the bin run from the code cache (launch.ts)',
  () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tripline-launch-'));
    const cacheDir = join(tmp, 'tripline-compile-cache');
    const content = join(root, 'content/t1195');
    const run = (args: string[], env: Record<string, string> = {}) => {
      const r = spawnSync(process.execPath, [join(bin, 'main.js'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: tmp, ...env },
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));
    const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : []);
    const convert = ['convert', content, '-t', 'kql', '-s'];

    it('gives what a run without cache gives, cold, warm and from a refused or stale cache', () => {
      const plain = run(convert, { NODE_DISABLE_COMPILE_CACHE: '1' });
      expect(plain.status).toBe(0);
      expect(plain.stdout).toContain('DeviceProcessEvents');
      expect(cacheFiles()).toEqual([]);

      expect(run(convert)).toEqual(plain); // cold: compiles, writes the cache at exit
      const [name] = cacheFiles();
      expect(cacheFiles()).toHaveLength(1);
      const written = readFileSync(join(cacheDir, name));
      expect(run(convert)).toEqual(plain); // warm: reads it and leaves it as it is
      expect(readFileSync(join(cacheDir, name)).equals(written)).toBe(true);

      const stamp = written.subarray(0, written.indexOf(10) + 1);
      writeFileSync(join(cacheDir, name), Buffer.concat([stamp, Buffer.from('not V8 code')]));
      expect(run(convert)).toEqual(plain); // V8 refuses the data: compiled again and rewritten
      expect(readFileSync(join(cacheDir, name)).equals(Buffer.from('not V8 code'))).toBe(false);

      writeFileSync(join(cacheDir, name), Buffer.concat([Buffer.from('1 2 3\n'), written.subarray(stamp.length)]));
      expect(run(convert)).toEqual(plain); // another bundle's stamp: not used, rewritten
      expect(readFileSync(join(cacheDir, name)).subarray(0, stamp.length).equals(stamp)).toBe(true);
    }, 60_000);

    it('keeps one cache per command, and packages outside the bundle still load (DuckDB)', () => {
      const before = cacheFiles().length;
      const test = () => run(['test', content, '-b', '50', '-t', 'sql']);
      const cold = test();
      expect(cold.status, cold.stderr).toBe(0);
      expect(cold.stdout).toMatch(/0 failed/);
      expect(cacheFiles().length).toBe(before + 1);
      expect(test().stdout.replace(/\(\d+(\.\d+)? s\)/, '')).toBe(cold.stdout.replace(/\(\d+(\.\d+)? s\)/, ''));
    }, 120_000);
  },
);

describe.skipIf(!existsSync(join(bin, 'main.js')))('the bin on a machine with fewer cores than V8 helpers', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tripline-pool-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  // Preloaded into every Node the bin starts: says which process runs with which Node options.
  const hook = join(tmp, 'say-options.cjs');
  writeFileSync(hook, 'process.stderr.write("[node " + process.pid + " " + process.execArgv.join(" ") + "]\\n");\n');
  const env = { ...process.env, NODE_OPTIONS: `--require ${hook}` };
  const starts = (stderr: string) => [...stderr.matchAll(/^\[node (\d+) ?(.*)\]$/gm)].map((m) => m[2]);
  const restarts = availableParallelism() < 4;
  const content = join(root, 'content/t1195');

  it('runs a conversion in a Node with a pool that fits, with the output and exit code of a run without', () => {
    const args = [join(bin, 'main.js'), 'convert', content, '-t', 'kql'];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
    const sized = `--v8-pool-size=${Math.max(1, availableParallelism() - 1)}`;
    expect(starts(r.stderr)).toEqual(restarts ? ['', sized] : ['']);
    const direct = spawnSync(process.execPath, ['--v8-pool-size=4', ...args], { encoding: 'utf8', env });
    expect(starts(direct.stderr)).toEqual(['--v8-pool-size=4']); // a size the user gave is kept
    expect(r.status).toBe(1); // one rule of the pack has no KQL form: the exit code says so
    expect(r.status).toBe(direct.status);
    expect(r.stdout).toBe(direct.stdout);
    expect(r.stderr.replace(/^\[node .*\n/gm, '')).toBe(direct.stderr.replace(/^\[node .*\n/gm, ''));
  }, 60_000);

  it('leaves quick commands alone', () => {
    const r = spawnSync(process.execPath, [join(bin, 'main.js'), 'list', 'targets'], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(starts(r.stderr)).toEqual(['']);
  });

  it.skipIf(!restarts)(
    'ends by the signal that ended the restarted Node, leaving no process behind',
    async () => {
      const child = spawn(process.execPath, [join(bin, 'main.js'), 'test', content], { env });
      let stderr = '';
      const restarted = new Promise<number>((resolve) => {
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const m = /^\[node (\d+) --v8-pool-size=\d+\]$/m.exec(stderr);
          if (m) resolve(Number(m[1]));
        });
      });
      const ended = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('close', (_, signal) => resolve(signal)),
      );
      const pid = await restarted;
      child.kill('SIGTERM'); // to the process the caller started, which passes it on where it is a parent
      expect(await ended).toBe('SIGTERM');
      expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    },
    60_000,
  );
});
