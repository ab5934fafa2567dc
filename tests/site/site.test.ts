/**
 * The catalog in a real browser (chromium via playwright-core): search, filters, tabs, copy, try-it, the
 * playground, the ATT&CK matrix and Navigator layer, untrusted rule text, the CSP and axe, at laptop and phone
 * widths. Built from tests/site/fixtures/rules (4 rules, one with hostile markup).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACK_DIR, type Catalog, CHROMIUM, REPO, startCatalog } from './harness.js';

const FIXTURES = join(REPO, 'tests/site/fixtures/rules');
const FILTERS = join(REPO, 'tests/site/fixtures/filters');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`tests/site skipped: no chromium at ${CHROMIUM} (set TRIPLINE_CHROMIUM)`);

async function open(c: Catalog, hash: string, width = 1280): Promise<Page> {
  const { page } = await c.page(width);
  await page.goto(`${c.url}#${hash}`);
  await page.waitForSelector('main h1');
  return page;
}

describe.skipIf(!hasChromium)('catalog in chromium', () => {
  let c: Catalog;
  beforeAll(async () => {
    // test-results.json is `tripline test tests/site/fixtures/rules -f json -b 500` output.
    c = await startCatalog([FIXTURES, FILTERS], join(REPO, 'tests/site/fixtures/test-results.json'));
  });
  afterAll(async () => {
    await c?.close();
  });

  it('writes an index, one JSON per rule and keeps scripts out of index.html', () => {
    expect(c.report.rules).toBe(5);
    const index = JSON.parse(readFileSync(join(c.dir, 'data/index.json'), 'utf8'));
    expect(index.rules.map((r: { slug: string }) => r.slug).sort()).toEqual([
      'certutil-hash',
      'community-linux-curl',
      'corr-repeated-installer-shell',
      'hostile-markup',
      'installer-powershell',
    ]);
    const html = readFileSync(join(c.dir, 'index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // No call of eval or the Function constructor in the bundle (the CSP has no 'unsafe-eval'); a method
    // that happens to be named eval (re2js: `eval(t,n){...}`) is a definition, not a call.
    for (const f of readdirSync(join(c.dir, 'assets')).filter((n) => n.endsWith('.js'))) {
      const js = readFileSync(join(c.dir, 'assets', f), 'utf8');
      expect(js.match(/(^|[^.\w$])(eval|Function)\((?![^()]*\)\{)/g), f).toBeNull();
    }
  });

  it('loads the compiler and the editor only where they are used', async () => {
    const { page } = await c.page();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.split('/').pop() ?? '');
    });
    await page.goto(`${c.url}#/rule/installer-powershell`);
    await page.waitForSelector('[role=tab]');
    expect(scripts.filter((s) => /^(core|playground)-/.test(s))).toEqual([]);
    await page.click('button:has-text("Run the rule")');
    await page.waitForSelector('table.matches');
    expect(scripts.some((s) => s.startsWith('core-'))).toBe(true);
    expect(scripts.some((s) => s.startsWith('playground-'))).toBe(false);
    await page.click('a:has-text("Playground")');
    await page.waitForSelector('.cm-content');
    expect(scripts.some((s) => s.startsWith('playground-'))).toBe(true);
  });

  it('searches and filters, with the state in a permalink', async () => {
    const page = await open(c, '/');
    await expect(page.locator('#result-count').textContent()).resolves.toContain('5 of 5');
    await page.fill('#q', 'powershell');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.startsWith('2 of'));
    await page.fill('#q', 'powershell setup');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.startsWith('1 of'));
    expect(page.url()).toContain('q=powershell+setup');
    await page.fill('#q', '');
    await page.selectOption('select[name=level]', 'low');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.startsWith('1 of'));
    await expect(page.locator('.cards h3').first().textContent()).resolves.toBe('Certutil Computes a File Hash');
    const permalink = page.url();
    const again = await open(c, new URL(permalink).hash.slice(1));
    await expect(again.locator('#result-count').textContent()).resolves.toContain('1 of 5');
    await again.selectOption('select[name=level]', '');
    await again.selectOption('select[name=collection]', 'community');
    await expect(again.locator('.cards h3').first().textContent()).resolves.toBe('Curl Download To Temp On Linux');
  });

  it('shows every target in tabs with pipeline choice and a copy button', async () => {
    const { page, context } = await c.page();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: c.url });
    await page.goto(`${c.url}#/rule/installer-powershell`);
    await page.waitForSelector('[role=tab]');
    const index = JSON.parse(readFileSync(join(c.dir, 'data/index.json'), 'utf8'));
    const tabs = page.locator('[role=tab]');
    expect(await tabs.count()).toBe(index.targets.length);
    const names = await tabs.evaluateAll((els) => els.map((e) => e.id.replace('q-tab-', '')));
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[role=tab][aria-selected=true]').getAttribute('id')).resolves.toBe(`q-tab-${names[1]}`);
    expect(page.url()).toContain(`tab=${names[1]}`);
    const rule = JSON.parse(readFileSync(join(c.dir, 'data/rules/installer-powershell.json'), 'utf8'));
    const target = rule.targets.find((t: { options: { queries: string[] }[] }) => t.options[0].queries.length > 0);
    await page.click(`#q-tab-${target.name}`);
    await page.click('button:has-text("Copy")');
    await page.waitForSelector('button[data-state=copied]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(target.options[0].queries.join('\n\n'));
    await expect(page.locator('#description').textContent()).resolves.toContain('setup');
    await expect(page.locator('#testing').textContent()).resolves.toContain('atomic-1-trojanized-setup-powershell');
    await expect(page.locator('#results tr[data-status] td:first-child').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['fire', 'quiet', 'sql-diff', ...names]),
    );
    await expect(page.locator('#related a').textContent()).resolves.toBe('Certutil Computes a File Hash');
  });

  it('runs the rule over its simulated telemetry in the browser and marks matching fields', async () => {
    const page = await open(c, '/rule/installer-powershell');
    const events = await page.locator('#tryit-events').inputValue();
    expect(events.split('\n').length).toBeGreaterThan(1);
    await page.click('button:has-text("Run the rule")');
    await page.waitForSelector('table.matches');
    expect(await page.locator('tr[data-match=no]').count()).toBe(0);
    await page.check('text=Show events that do not match too');
    expect(await page.locator('tr[data-match=no]').count()).toBeGreaterThan(0);
    const hits = page.locator('tr[data-match=yes]');
    expect(await hits.count()).toBeGreaterThan(0);
    await expect(hits.first().textContent()).resolves.toContain('atomic-1-trojanized-setup-powershell');
    await expect(hits.first().locator('mark').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['ParentImage', 'Image']),
    );
    const verdicts = await page
      .locator('.verdicts li')
      .evaluateAll((ls) => ls.map((l) => `${l.getAttribute('data-test')}=${l.getAttribute('data-ok')}`));
    expect(verdicts).toEqual(['atomic-1-trojanized-setup-powershell=yes', 'bg-msiexec-install=yes']);
  });

  it('judges a correlation by its firing, each test run on its own', async () => {
    const page = await open(c, '/rule/corr-repeated-installer-shell');
    await page.click('button:has-text("Run the rule")');
    await page.waitForSelector('.verdicts');
    await expect(page.locator('.verdicts').textContent()).resolves.toContain('1 correlation firing');
    const verdicts = await page
      .locator('.verdicts li')
      .evaluateAll((ls) => ls.map((l) => `${l.getAttribute('data-test')}=${l.getAttribute('data-ok')}`));
    expect(verdicts).toEqual(['atomic-1-trojanized-setup-powershell=yes', 'bg-msiexec-install=yes']);
  });

  it('renders untrusted rule text inert', async () => {
    const page = await open(c, '/rule/hostile-markup');
    await page.waitForSelector('#description .md');
    await page.hover('#description');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#description script, #description img, #description iframe').count()).toBe(0);
    const hrefs = await page.locator('#description a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.some((h) => h.startsWith('javascript:'))).toBe(false);
    expect(await page.locator('[onclick],[onerror],[onload],[onmouseover]').count()).toBe(0);
    await expect(page.locator('#description').textContent()).resolves.toContain('<script>window.__pwned = 1</script>');
  });

  it('updates queries and diagnostics live in the playground and keeps the rule in the URL', async () => {
    const { page, context } = await c.page();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: c.url });
    await page.goto(`${c.url}#/playground`);
    await page.waitForSelector('.cm-content');
    const before = await page.locator('.tabpanel pre').first().textContent();
    // Paste, as a user would (CodeMirror handles the paste event; no browser editing command runs).
    const paste = async (text: string) => {
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.click('.cm-content');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+V');
    };
    const rule = readFileSync(join(FIXTURES, 'certutil_hash.yml'), 'utf8')
      .replace("'-hashfile'", "'-urlcache'")
      .replace('Image|endswith', 'Image|endswiht');
    await paste(rule);
    await page.waitForFunction(() => document.querySelector('#pg-diags')?.textContent?.includes('endswiht'));
    const line = rule.split('\n').findIndex((l) => l.includes('endswiht')) + 1;
    await expect(page.locator('#pg-diags').textContent()).resolves.toContain(`${line}:5`);
    await paste(rule.replace('endswiht', 'endswith'));
    await page.keyboard.type('# typed');
    // A target whose query spells the value literally (several targets write case-insensitive regexes).
    const saved = JSON.parse(readFileSync(join(c.dir, 'data/rules/certutil-hash.json'), 'utf8'));
    const literal = saved.targets.find((t: { options: { queries: string[] }[] }) =>
      t.options[0].queries.some((q) => q.includes('-hashfile')),
    );
    await page.click(`#pq-tab-${literal.name}`);
    await page.waitForFunction(() => document.querySelector('.tabpanel pre')?.textContent?.includes('-urlcache'));
    expect(await page.locator('.tabpanel pre').first().textContent()).not.toBe(before);
    await page.fill('#pg-events', '{"Image": "C:\\\\Windows\\\\certutil.exe", "CommandLine": "certutil -urlcache x"}');
    await page.waitForSelector('tr[data-match=yes]');
    await page.waitForFunction(() => location.hash.includes('r=') && location.hash.includes('e='));
    const shared = await open(c, new URL(page.url()).hash.slice(1));
    await shared.waitForFunction(() => document.querySelector('.tabpanel pre')?.textContent?.includes('-urlcache'));
    await expect(shared.locator('#pg-events').inputValue()).resolves.toContain('certutil -urlcache x');
    await shared.waitForSelector('tr[data-match=yes]');
  });

  it.skipIf(!existsSync(ATTACK_DIR))(
    'shades the ATT&CK matrix, links techniques and downloads a Navigator layer',
    async () => {
      const page = await open(c, '/matrix?c=all');
      const cell = page.locator('a[href="#/technique/T1195"]');
      await expect(cell.getAttribute('aria-label')).resolves.toContain('2 detections');
      await expect(page.locator('.site-footer').textContent()).resolves.toContain('MITRE');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('button:has-text("Download Navigator layer")'),
      ]);
      const layer = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
      expect(layer.versions).toMatchObject({ attack: '18', layer: '4.5' });
      expect(layer.domain).toBe('enterprise-attack');
      expect(layer.techniques.map((t: { techniqueID: string }) => t.techniqueID)).toEqual(
        expect.arrayContaining(['T1195.002', 'T1083', 'T1105']),
      );
      await cell.click();
      await page.waitForSelector('h1:has-text("T1195")');
      await expect(page.locator('main').textContent()).resolves.toContain('Installer Spawns PowerShell');
    },
  );

  for (const width of [1280, 390]) {
    it(`has no serious or critical axe violations at ${width}px`, async () => {
      for (const hash of ['/', '/rule/installer-powershell', '/playground', '/matrix']) {
        const page = await open(c, hash, width);
        if (hash === '/playground') await page.waitForSelector('.cm-content');
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const bad = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${hash} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(bad).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('never triggers a CSP violation or a page error', () => {
    const bad = c.console.filter((m) => /Content Security Policy|pageerror|dialog:/i.test(m));
    expect(bad).toEqual([]);
  });
});
