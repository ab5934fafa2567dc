/**
 * `tripline site` data step. Consumes rule paths; produces a static catalog folder: the prebuilt front-end
 * bundle (dist/site-app, built by Vite at package build time) plus data/index.json, data/attack.json and
 * data/rules/<slug>.json. Nothing here runs in the browser.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAttackDir, loadReferenceData } from '../checks/data/load.js';
import { checkRuleSet } from '../checks/runner.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { makeDirectory } from '../ruleset/files.js';
import { loadRules } from '../ruleset/load.js';
import type { RuleSet } from '../ruleset/types.js';
import { VERSION } from '../version.js';
import { readAttack } from './attack.js';
import { testsOf, triplineBlock } from './meta.js';
import { convertForSite, siteTargets } from './queries.js';
import { parseTestResults, type TestResults } from './results.js';
import { buildRulePages } from './rules.js';
import { declaredEvents, simulateTests } from './telemetry.js';
import type { SiteEvent, SiteIndex, SiteRule, SiteTest } from './types.js';

/** The prebuilt front-end bundle: <package root>/dist/site-app (same path from src/ and dist/). */
export const SITE_APP_DIR = fileURLToPath(new URL('../../dist/site-app/', import.meta.url));

/** Options of a site build. */
export interface SiteOptions {
  readonly rules: readonly string[];
  readonly outDir: string;
  /** Folder with the ATT&CK JSON files (default: the shared data, as `tripline check` finds it). */
  readonly attackDir?: string;
  /** A test results JSON (see results.ts); without it the page has no results column. */
  readonly resultsFile?: string;
  /** The prebuilt app folder (default SITE_APP_DIR). */
  readonly appDir?: string;
  /** Simulated telemetry per rule for the try-it panel. */
  /** A build stamp for `tripline serve` (written to data/version.txt; pages reload when it changes). */
  readonly live?: string;
  readonly telemetry?: (rule: DetectionRule | CorrelationRule, tests: readonly SiteTest[]) => SiteEvent[];
}

/** What a build did, for the CLI's summary and the benchmarks. */
export interface SiteReport {
  readonly rules: number;
  readonly targets: number;
  readonly files: number;
  readonly bytes: number;
  readonly indexBytes: number;
  readonly ms: number;
  readonly problems: readonly string[];
}

/** Builds the catalog into `outDir` (replacing index.html, assets/ and data/; other files are left alone). */
export async function buildSite(opts: SiteOptions): Promise<SiteReport> {
  const started = performance.now();
  const appDir = opts.appDir ?? SITE_APP_DIR;
  if (!existsSync(join(appDir, 'index.html')))
    throw new Error(`the catalog app is not built (${appDir} has no index.html); run \`npm run build\` first`);
  const ruleSet = await loadRules(opts.rules);
  const reference = loadReferenceData({ attackDir: opts.attackDir });
  const diagnostics = checkRuleSet(ruleSet, { data: reference });
  const attack = readAttack(findAttackDir({ attackDir: opts.attackDir }));
  const { results, problems } = readResults(opts.resultsFile);
  const texts = new Map(ruleSet.files.map((f) => [f, readText(f)]));
  const telemetry = opts.telemetry ?? (await simulatedTelemetry(ruleSet));
  const pages = buildRulePages(ruleSet, {
    diagnostics,
    queries: convertForSite(ruleSet),
    texts,
    displayName: displayNamer(opts.rules),
    knownTactics: attack ? new Set(attack.tactics.map((t) => t.shortname)) : undefined,
    telemetry,
    results,
  });
  const paged = new Set([...ruleSet.detections, ...ruleSet.correlations].map((r) => r.origin.file));
  const unplaced = diagnostics.filter((d) => d.severity === 'error' && !paged.has(d.file));
  const index: SiteIndex = {
    generator: `tripline ${VERSION}`,
    generated: new Date().toISOString(),
    targets: siteTargets(),
    rules: pages.map(summaryOf),
    attack: attack !== undefined,
    ...(opts.live ? { live: opts.live } : {}),
    problems: [
      ...problems,
      ...unplaced.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`),
    ],
  };
  const out = resolve(opts.outDir);
  makeDirectory(out);
  // data/ and assets/ are ours: clear them so a rebuild leaves no stale rule pages or old hashed chunks.
  for (const dir of ['data', 'assets']) rmSync(join(out, dir), { recursive: true, force: true });
  cpSync(appDir, out, { recursive: true });
  const written = writeData(out, index, pages, attack);
  if (opts.live) writeFileSync(join(out, 'data', 'version.txt'), opts.live);
  return {
    rules: pages.length,
    targets: index.targets.length,
    files: written.files,
    bytes: written.bytes,
    indexBytes: written.indexBytes,
    ms: Math.round(performance.now() - started),
    problems: index.problems,
  };
}

function summaryOf(p: SiteRule): SiteIndex['rules'][number] {
  const { slug, id, kind, title, summary, level, status, confidence, tactics, techniques, platforms } = p;
  const { dataSources, collection, file, date, author, tags, converted, errors } = p;
  return {
    slug,
    id,
    kind,
    title,
    summary,
    level,
    status,
    confidence,
    tactics,
    techniques,
    platforms,
    dataSources,
    collection,
    file,
    date,
    author,
    tags,
    converted,
    errors,
  };
}

function writeData(out: string, index: SiteIndex, pages: readonly SiteRule[], attack: unknown) {
  const dir = join(out, 'data', 'rules');
  makeDirectory(dir);
  let bytes = 0;
  const write = (file: string, value: unknown) => {
    const text = JSON.stringify(value);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    return Buffer.byteLength(text);
  };
  const indexBytes = write(join(out, 'data', 'index.json'), index);
  if (attack) write(join(out, 'data', 'attack.json'), attack);
  for (const p of pages) write(join(dir, `${p.slug}.json`), p);
  return { files: pages.length + (attack ? 2 : 1), bytes: bytes + appBytes(out), indexBytes };
}

function appBytes(out: string): number {
  const assets = join(out, 'assets');
  let n = statSync(join(out, 'index.html')).size;
  if (existsSync(assets)) for (const f of readdirNames(assets)) n += statSync(join(assets, f)).size;
  return n;
}

function readdirNames(dir: string): string[] {
  return readdirSync(dir);
}

/** Simulates every test scenario named by the set's rules once; each rule gets the events of its tests. */
/**
 * Each rule's test events: those a test declares (`events:`), else the simulation scenario of the test's id
 * (simulated once per scenario for the whole set).
 */
async function simulatedTelemetry(ruleSet: RuleSet): Promise<SiteOptions['telemetry']> {
  const rules = [...ruleSet.detections, ...ruleSet.correlations];
  const tests = rules.flatMap((r) => testsOf(triplineBlock(r)));
  if (tests.length === 0) return undefined;
  const simulated = await simulateTests(tests);
  const declared = new Map<DetectionRule | CorrelationRule, Map<string, SiteEvent[]>>();
  for (const r of rules) declared.set(r, await declaredEvents(r, triplineBlock(r)));
  return (rule, ruleTests) =>
    ruleTests.flatMap((t) =>
      (declared.get(rule)?.get(t.id) ?? simulated.get(t.id) ?? []).map((e) => ({ ...e, test: t.id, expect: t.expect })),
    );
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function readResults(file: string | undefined): { results?: TestResults; problems: string[] } {
  if (!file) return { problems: [] };
  try {
    const { results, problems } = parseTestResults(JSON.parse(readFileSync(file, 'utf8')));
    return { results, problems: problems.map((p) => `${file}: ${p}`) };
  } catch (e) {
    return { problems: [`${file}: cannot read test results: ${(e as Error).message}`] };
  }
}

/** Names files as `<input folder name>/<path inside it>` (a lone file keeps its base name). */
function displayNamer(inputs: readonly string[]): (file: string) => string {
  const roots = inputs.map((p) => resolve(p));
  return (file) => {
    const abs = resolve(file);
    const root = roots.find((r) => abs === r || abs.startsWith(`${r}/`));
    if (!root || root === abs) return basename(abs);
    return `${basename(root)}/${relative(root, abs)}`.split('\\').join('/');
  };
}
