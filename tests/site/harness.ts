/**
 * Browser test harness for the catalog: builds the front-end with Vite into a tmp dir (so the tests run the
 * current site/ sources), builds a site for a rule set with it, serves it on 127.0.0.1 (ephemeral port) and
 * drives Debian's chromium through playwright-core. Collects console messages so tests can assert that the
 * CSP never fired.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { expect } from 'vitest';
import { buildSite, type SiteReport } from '../../src/site/build.js';
import { serveStatic } from '../../src/site/serve.js';

/** The repository root. */
export const REPO = resolve(import.meta.dirname, '../..');
/** Debian's chromium. */
export const CHROMIUM = process.env.TRIPLINE_CHROMIUM ?? '/usr/bin/chromium';
/** The shared ATT&CK data (read-only, never copied into the repo). */
export const ATTACK_DIR = resolve(REPO, '../shared/attack');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running catalog: its folder, URL, browser and what the console said. */
export interface Catalog {
  readonly dir: string;
  readonly url: string;
  readonly report: SiteReport;
  readonly browser: Browser;
  readonly console: string[];
  /** A fresh page at a viewport width (phone 390, laptop 1280), logging console messages. */
  page(width?: number): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** Builds the app and the site for `rules`, serves it and starts chromium. */
export async function startCatalog(rules: readonly string[], resultsFile?: string): Promise<Catalog> {
  const tmp = mkdtempSync(join(tmpdir(), 'tripline-site-test-'));
  const appDir = join(tmp, 'app');
  await build({
    configFile: join(REPO, 'site/vite.config.ts'),
    logLevel: 'error',
    build: { outDir: appDir, emptyOutDir: true },
  });
  const dir = join(tmp, 'site');
  const report = await buildSite({
    rules,
    outDir: dir,
    appDir,
    attackDir: existsSync(ATTACK_DIR) ? ATTACK_DIR : undefined,
    resultsFile,
  });
  const server: Server = await serveStatic(dir, 0);
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  // launch() gives every run a fresh temporary profile (it refuses an explicit --user-data-dir).
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const consoleLog: string[] = [];
  return {
    dir,
    url,
    report,
    browser,
    console: consoleLog,
    async page(width = 1280) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      page.on('console', (m) =>
        consoleLog.push(`${m.type()}: ${m.text()} [${page.url()}] ${expect.getState().currentTestName}`),
      );
      page.on('pageerror', (e) => consoleLog.push(`pageerror: ${e.message}`));
      page.on('dialog', (d) => {
        consoleLog.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      return { page, context };
    },
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
