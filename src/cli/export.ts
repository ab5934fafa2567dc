/**
 * `tripline export [rules...] --to <platform> -o <dir>`: deployable rule packages per SIEM (Sentinel, Defender,
 * Elastic, Splunk, SecOps, LogScale, QRadar, Sumo) and ATT&CK Navigator layers. Writes the platform's files and
 * skipped.json into the output folder (Splunk also as a .tgz) and prints a summary with each skipped rule.
 * Exit codes: 0 written (rules may be skipped), 2 usage errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import * as tar from 'tar';
import { findAttackDir } from '../checks/data/load.js';
import { type Diagnostic, formatDiagnostic } from '../core/diagnostic.js';
import { exportRuleSet, loadAttack, PLATFORMS, platformByName } from '../export/index.js';
import { parseDuration } from '../export/meta.js';
import { SPLUNK_APP } from '../export/splunk.js';
import type { ExportResult } from '../export/types.js';
import { writeExport } from '../export/write.js';
import { builtinPipeline, parsePipelineText } from '../pipelines/index.js';
import type { PipelineSpec } from '../pipelines/types.js';
import { loadRules } from '../ruleset/load.js';
import { bundledRules } from './bundled.js';
import { EXIT } from './exit.js';

/** Options of `tripline export`. */
export interface ExportCliOptions {
  readonly to: string;
  readonly output: string;
  readonly pipeline?: readonly string[];
  readonly schedule: string;
  readonly lookback: string;
  readonly attackData?: string;
  readonly filter?: readonly string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Registers `export`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export rules as deployable SIEM rule packages or an ATT&CK Navigator layer')
    .argument('[rules...]', 'rule files or folders (default: the bundled content pack, without its tuning filters)')
    .requiredOption('--to <platform>', `platform: ${Object.keys(PLATFORMS).join(', ')}`)
    .requiredOption('-o, --output <dir>', 'output folder')
    .option('-p, --pipeline <name|file>', "pipeline replacing the platform's default (repeatable)", collect)
    .option('--schedule <duration>', 'how often rules run: 5m, 1h, 1d (nrt: Sentinel NRT / Defender continuous)', '5m')
    .option('--lookback <duration>', 'how far back each run looks', '10m')
    .option('--attack-data <dir>', 'folder with enterprise-tactics.json and enterprise-techniques.json')
    .option('--filter <file>', 'Sigma filter (tuning) applied to the rules it names (repeatable)', collect)
    .action(async (rules: string[], opts: ExportCliOptions) => {
      process.exitCode = await runExport(rules, opts);
    });
}

/** Runs an export; returns the exit code. */
export async function runExport(rules: readonly string[], opts: ExportCliOptions): Promise<number> {
  const platform = platformByName(opts.to);
  if (!platform) return usage(`unknown platform '${opts.to}'; available: ${Object.keys(PLATFORMS).join(', ')}`);
  if (opts.schedule !== 'nrt' && parseDuration(opts.schedule) === undefined)
    return usage(`--schedule '${opts.schedule}' is not a duration like 5m, 1h or 1d`);
  if (parseDuration(opts.lookback) === undefined)
    return usage(`--lookback '${opts.lookback}' is not a duration like 10m, 1h or 1d`);
  const pipelines = opts.pipeline ? resolvePipelines(opts.pipeline) : undefined;
  if (pipelines === null) return EXIT.usage;
  const attackDir = findAttackDir({ attackDir: opts.attackData });
  const attack = attackDir ? loadAttack(attackDir) : undefined;
  if (!attack) process.stderr.write('tripline: ATT&CK data not found (--attack-data); exporting technique ids only\n');
  // The bundled pack's tuning filters are opt-in (--filter), as for convert and hunt.
  const ruleSet = await loadRules([...(rules.length > 0 ? rules : [bundledRules().rules]), ...(opts.filter ?? [])]);
  for (const d of ruleSet.diagnostics.filter((x) => x.severity === 'error'))
    process.stderr.write(`${formatDiagnostic(d)}\n`);
  const options = {
    schedule: opts.schedule,
    lookback: opts.lookback,
    attack,
    today: new Date().toISOString().slice(0, 10),
  };
  const result = exportRuleSet(ruleSet, platform, options, pipelines);
  writeExport(opts.output, result);
  if (platform.name === 'splunk') await packSplunk(opts.output);
  process.stderr.write(summary(result, platform.name, opts.output));
  return EXIT.ok;
}

/** Packs the Splunk app folder as `<app>.tgz` beside it (what `splunk install app` takes). */
export async function packSplunk(dir: string): Promise<string> {
  const file = join(dir, `${SPLUNK_APP}.tgz`);
  await tar.create({ gzip: true, file, cwd: dir, portable: true }, [SPLUNK_APP]);
  return file;
}

function summary(result: ExportResult, platform: string, dir: string): string {
  const total = (result.exported ?? 0) + result.skipped.length;
  const written = result.files.filter((f) => f.path !== 'skipped.json').length;
  const lines = result.skipped.map((s) => `  ${s.file}:${s.line}:${s.column}: [${s.limit}] ${s.reason}`);
  const head = `exported ${result.exported ?? 0} of ${total} rules to ${platform} (${written} files in ${dir})`;
  return `${head}; skipped ${result.skipped.length}${lines.length ? `:\n${lines.join('\n')}` : ''}\n`;
}

/** Built-in names or YAML files; null (after printing why) when one cannot be used. */
function resolvePipelines(names: readonly string[]): PipelineSpec[] | null {
  const out: PipelineSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const builtin = builtinPipeline(name);
    if (builtin) out.push(builtin);
    else {
      let text: string;
      try {
        text = readFileSync(name, 'utf8');
      } catch (e) {
        usage(`pipeline '${name}' is neither built in nor a readable file: ${(e as Error).message}`);
        return null;
      }
      const spec = parsePipelineText(name, text, diagnostics);
      for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      if (!spec) return null;
      out.push(spec);
    }
  }
  return out;
}

function usage(message: string): number {
  process.stderr.write(`tripline: ${message}\n`);
  return EXIT.usage;
}
