/**
 * `tripline serve`: serves the built catalog on 127.0.0.1, rebuilds when a rule changes (pages poll
 * data/version.txt) and refuses paths outside the folder. Needs the prebuilt app (`npm run build`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_APP_DIR } from '../../src/site/build.js';
import { REPO } from './harness.js';

const built = existsSync(join(SITE_APP_DIR, 'index.html'));
if (!built) console.warn('tests/site/serve.test.ts skipped: dist/site-app is not built (run `npm run build`)');

function fetchText(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    get(`${url}${path}`, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    }).on('error', fail);
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!built)('tripline serve', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripline-serve-'));
    mkdirSync(join(dir, 'rules'));
    copyFileSync(join(REPO, 'tests/site/fixtures/rules/certutil_hash.yml'), join(dir, 'rules/certutil_hash.yml'));
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', join(dir, 'rules'), '--port', '0'],
      {
        cwd: REPO,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr?.on('data', (c) => (err += c));
    url = await until(
      'the server to start',
      async () => /serving the catalog at (http:\/\/127\.0\.0\.1:\d+)\//.exec(err)?.[1],
    );
  });
  afterAll(() => {
    child?.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the catalog with its CSP and marks the data as live', async () => {
    const html = await fetchText(url, '/');
    expect(html.status).toBe(200);
    expect(html.body).toContain('Content-Security-Policy');
    const index = JSON.parse((await fetchText(url, '/data/index.json')).body);
    expect(index.live).toBe('1');
    expect(index.rules.map((r: { title: string }) => r.title)).toEqual(['Certutil Computes a File Hash']);
  });

  it('refuses paths outside the folder and answers 404 for missing files', async () => {
    expect((await fetchText(url, '/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(403);
    expect((await fetchText(url, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await fetchText(url, '/nope.json')).status).toBe(404);
  });

  it('rebuilds when a rule file changes', async () => {
    const file = join(dir, 'rules/certutil_hash.yml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('title: Certutil Computes a File Hash', 'title: Renamed Rule'),
    );
    const version = await until('a rebuild', async () => {
      const v = (await fetchText(url, '/data/version.txt')).body;
      return v !== '1' ? v : undefined;
    });
    expect(Number(version)).toBeGreaterThan(1);
    const index = JSON.parse((await fetchText(url, '/data/index.json')).body);
    expect(index.rules[0].title).toBe('Renamed Rule');
  });
});
