/**
 * Takes the catalog screenshots of docs/screenshots/ and times the index in the browser:
 * `npx tsx tests/site/screenshots.ts <built site dir> [out dir]` (build the site first with `tripline site`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../src/site/serve.js';
import { CHROMIUM } from './harness.js';

const [dir, out = 'docs/screenshots'] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx tests/site/screenshots.ts <site dir> [out dir]');
mkdirSync(out, { recursive: true });
const server = await serveStatic(dir, 0);
const addr = server.address();
const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });

const shots: [string, string, number, (p: import('playwright-core').Page) => Promise<void>][] = [
  ['index', '/?collection=tripline', 1280, async () => {}],
  ['detection', '/rule/installer-spawns-suspicious-child?tab=kql', 1280, async () => {}],
  [
    'try-it',
    '/rule/installer-spawns-suspicious-child',
    1280,
    async (p) => {
      await p.click('button:has-text("Run the rule")');
      await p.waitForSelector('.verdicts');
      await p.locator('#try-it').scrollIntoViewIfNeeded();
    },
  ],
  ['matrix', '/matrix?c=all&only=1', 1280, async () => {}],
  ['technique', '/technique/T1195.002', 1280, async () => {}],
  ['playground', '/playground', 1280, async (p) => void (await p.waitForSelector('.cm-content'))],
  ['detection-phone', '/rule/installer-spawns-suspicious-child', 390, async () => {}],
];
for (const [name, hash, width, prepare] of shots) {
  const page = await browser.newPage({ viewport: { width, height: width > 500 ? 860 : 844 } });
  const started = Date.now();
  await page.goto(`${base}#${hash}`);
  await page.waitForSelector('main h1');
  console.log(`${name}: first render ${Date.now() - started} ms`);
  await prepare(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`) });
  await page.close();
}
const page = await browser.newPage();
await page.goto(`${base}#/`);
await page.waitForSelector('#result-count');
const before = await page.locator('#result-count').textContent();
const t0 = Date.now();
await page.fill('#q', 'powershell encoded');
await page.waitForFunction((b) => document.querySelector('#result-count')?.textContent !== b, before);
console.log(`search: ${Date.now() - t0} ms -> ${await page.locator('#result-count').textContent()}`);
await browser.close();
server.close();
