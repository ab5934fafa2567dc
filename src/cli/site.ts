/**
 * `tripline site [rules...] -o <dir>`: builds the static detection catalog (docs/site.md) from rule files and
 * folders (default: the bundled content pack). Exit codes: 0 ok, 1 some rules have errors (pages still
 * built), 2 bad usage.
 */
import type { Command } from 'commander';
import { buildSite, type SiteReport } from '../site/build.js';
import { EXIT } from './exit.js';
import { CONTENT_DIR } from './hunt.js';

/** Options of `tripline site` as commander parses them. */
export interface SiteCliOptions {
  readonly output?: string;
  readonly attackData?: string;
  readonly results?: string;
  readonly quiet?: boolean;
}

/** Registers `tripline site`. */
export function registerSite(program: Command): void {
  program
    .command('site')
    .description('Build the static detection catalog (search, ATT&CK matrix, playground) into a folder')
    .argument('[rules...]', 'rule files or folders (default: the bundled content pack)')
    .requiredOption('-o, --output <dir>', 'folder to write the catalog to')
    .option('--attack-data <dir>', 'folder with enterprise-tactics.json and enterprise-techniques.json')
    .option('--results <file>', 'rule test results JSON to show on each page')
    .option('--quiet', 'print nothing but errors')
    .action(async (rules: string[], opts: SiteCliOptions) => {
      process.exitCode = await runSite(rules, opts, (t) => process.stderr.write(t));
    });
}

/** Runs a site build and prints its summary; returns the exit code. */
export async function runSite(
  rules: readonly string[],
  opts: SiteCliOptions,
  log: (t: string) => void,
): Promise<number> {
  if (!opts.output) {
    log('tripline site: -o <dir> is required\n');
    return EXIT.usage;
  }
  let report: SiteReport;
  try {
    report = await buildSite({
      rules: rules.length > 0 ? rules : [CONTENT_DIR],
      outDir: opts.output,
      attackDir: opts.attackData,
      resultsFile: opts.results,
    });
  } catch (e) {
    log(`tripline site: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  for (const p of report.problems) log(`${p}\n`);
  if (!opts.quiet) log(`${summaryLine(report, opts.output)}\n`);
  return report.problems.length > 0 ? EXIT.findings : EXIT.ok;
}

/** One line: pages, targets, size and time of a build. */
export function summaryLine(r: SiteReport, out: string): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  return `catalog: ${r.rules} rule pages, ${r.targets} targets, ${mb(r.bytes)} (index ${mb(r.indexBytes)}) in ${r.ms} ms -> ${out}`;
}
