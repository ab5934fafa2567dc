/**
 * `tripline convert <rules...> -t <target>`: Sigma rules to query text, as sigma-cli's `sigma convert`.
 * Reads rule files and folders (plus Sigma filter files), applies the target's pipelines, writes the
 * queries as text or JSON to stdout, one file, or one file per rule.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { type Conversion, convertRuleSet, TARGETS, targetByName } from '../backends/index.js';
import { type Diagnostic, formatDiagnostic } from '../core/diagnostic.js';
import { BUILTIN_PIPELINES, builtinPipeline, parsePipelineText } from '../pipelines/index.js';
import type { PipelineSpec } from '../pipelines/types.js';
import { defaultCacheDir } from '../ruleset/cache.js';
import { makeDirectory } from '../ruleset/files.js';
import { loadRulesInParallel } from '../ruleset/parallel.js';
import { EXIT } from './exit.js';

/** Options of `tripline convert`. */
export interface ConvertOptions {
  readonly target: string;
  readonly pipeline?: readonly string[];
  readonly format: 'text' | 'json';
  readonly output?: string;
  readonly outputDir?: string;
  readonly filter?: readonly string[];
  readonly skipUnsupported?: boolean;
  /** `true` for the default cache folder, or a folder. */
  readonly cache?: boolean | string;
  /** Threads to parse rules on, as given on the command line. */
  readonly jobs?: string;
}

/** One rule's conversion in the JSON output (documented in docs/cli.md). */
interface RuleJson {
  id: string | null;
  title: string;
  file: string;
  target: string;
  pipeline: readonly string[];
  queries: readonly string[];
  warnings: readonly DiagnosticJson[];
}

type DiagnosticJson = Pick<Diagnostic, 'file' | 'line' | 'column' | 'code' | 'severity' | 'message'>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Registers `convert`. */
export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description('convert Sigma rules to a query language (see `tripline list targets`)')
    .argument('<rules...>', 'rule files or folders')
    .requiredOption('-t, --target <target>', `target query language: ${Object.keys(TARGETS).join(', ')}`)
    .option('-p, --pipeline <name|file>', 'built-in pipeline name or pipeline YAML file (repeatable)', collect)
    .option('-f, --format <format>', 'text or json', 'text')
    .option('-o, --output <file>', 'write everything to one file instead of stdout')
    .option('--output-dir <dir>', 'write one file per rule into this folder')
    .option('--filter <file>', 'Sigma filter rule file applied to the rules (repeatable)', collect)
    .option('-s, --skip-unsupported', 'skip rules the target cannot express (listed on stderr) instead of failing')
    .option('--cache [dir]', 'reuse parsed rules of unchanged files (default folder: ~/.cache/tripline)')
    .option(
      '-j, --jobs <n>',
      'threads to parse rules on (default 1; 2 helps on machines whose cores do not share execution units)',
    )
    .action(async (rules: string[], opts: ConvertOptions) => {
      process.exitCode = await runConvert(rules, opts);
    });
}

/** Runs a conversion and writes its output; returns the exit code. */
export async function runConvert(rules: readonly string[], opts: ConvertOptions): Promise<number> {
  const dialect = targetByName(opts.target);
  if (!dialect) return usage(`unknown target '${opts.target}'; available: ${Object.keys(TARGETS).join(', ')}`);
  if (opts.format !== 'text' && opts.format !== 'json') return usage(`--format must be text or json`);
  const threads = opts.jobs === undefined ? undefined : Number(opts.jobs);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
    return usage('--jobs needs a whole number >= 1');
  const diagnostics: Diagnostic[] = [];
  const pipelines = resolvePipelines(opts.pipeline ?? dialect.pipelines.default, diagnostics);
  if (!pipelines) {
    for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return EXIT.usage;
  }
  const cacheDir = opts.cache ? (opts.cache === true ? defaultCacheDir() : opts.cache) : undefined;
  const ruleSet = await loadRulesInParallel([...rules, ...(opts.filter ?? [])], { cacheDir, threads });
  const loadErrors = ruleSet.diagnostics.filter((d) => d.severity === 'error');
  const conversions = convertRuleSet(ruleSet, dialect, pipelines);
  const converted = conversions.filter((c) => c.errors.length === 0);
  const failed = conversions.filter((c) => c.errors.length > 0);
  try {
    writeOutput(opts, converted, failed, loadErrors);
  } catch (e) {
    const where = opts.outputDir ?? opts.output ?? 'the output';
    return usage(`cannot write to '${where}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // One write for the whole report: without --skip-unsupported the SigmaHQ corpus gives ~1,500 lines, and
  // a write each cost ~10 ms of system calls.
  const report = loadErrors.map((d) => `${formatDiagnostic(d)}\n`);
  if (opts.skipUnsupported) {
    if (failed.length) report.push(skippedSummary(failed));
  } else for (const c of failed) for (const e of c.errors) report.push(`${formatDiagnostic(e)}\n`);
  report.push(`${converted.length} converted, ${failed.length} unsupported (target ${dialect.name})\n`);
  process.stderr.write(report.join(''));
  return loadErrors.length > 0 || (failed.length > 0 && !opts.skipUnsupported) ? EXIT.findings : EXIT.ok;
}

/** Built-in names or YAML files, in order; undefined (with diagnostics) when one cannot be used. */
function resolvePipelines(names: readonly string[], diagnostics: Diagnostic[]): PipelineSpec[] | undefined {
  const out: PipelineSpec[] = [];
  for (const name of names) {
    const builtin = builtinPipeline(name);
    if (builtin) {
      out.push(builtin);
      continue;
    }
    if (!/\.ya?ml$/i.test(name)) {
      process.stderr.write(
        `tripline: unknown pipeline '${name}'; built-ins: ${Object.keys(BUILTIN_PIPELINES).join(', ')} (or give a .yml file)\n`,
      );
      return undefined;
    }
    let text: string;
    try {
      text = readFileSync(name, 'utf8');
    } catch (e) {
      process.stderr.write(`tripline: cannot read pipeline file ${name}: ${(e as Error).message}\n`);
      return undefined;
    }
    const spec = parsePipelineText(name, text, diagnostics);
    if (!spec) return undefined;
    out.push(spec);
  }
  return out;
}

function usage(message: string): number {
  process.stderr.write(`tripline: ${message}\n`);
  return EXIT.usage;
}

function diagnosticJson(d: Diagnostic): DiagnosticJson {
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message };
}

function ruleJson(c: Conversion): RuleJson {
  return {
    id: c.id ?? null,
    title: c.title,
    file: c.file,
    target: c.target,
    pipeline: c.pipelines,
    queries: c.queries,
    warnings: c.warnings.map(diagnosticJson),
  };
}

/** The whole run as one JSON document. */
function runJson(converted: readonly Conversion[], failed: readonly Conversion[], loadErrors: readonly Diagnostic[]) {
  return {
    rules: converted.map(ruleJson),
    errors: [...loadErrors, ...failed.flatMap((c) => c.errors)].map(diagnosticJson),
    summary: { converted: converted.length, unsupported: failed.length, loadErrors: loadErrors.length },
  };
}

function writeOutput(
  opts: ConvertOptions,
  converted: readonly Conversion[],
  failed: readonly Conversion[],
  loadErrors: readonly Diagnostic[],
): void {
  if (opts.outputDir) {
    makeDirectory(opts.outputDir);
    const names = new Set<string>();
    for (const c of converted) {
      const file = join(opts.outputDir, uniqueName(c, opts.format === 'json' ? 'json' : c.target, names));
      writeFileSync(
        file,
        opts.format === 'json' ? `${JSON.stringify(ruleJson(c), null, 2)}\n` : `${c.queries.join('\n\n')}\n`,
      );
    }
    return;
  }
  const text =
    opts.format === 'json'
      ? `${JSON.stringify(runJson(converted, failed, loadErrors), null, 2)}\n`
      : converted.map((c) => `${c.queries.join('\n\n')}\n`).join('\n');
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);
}

/** `<rule file name>.<ext>`, numbered when a file holds several rules. */
function uniqueName(c: Conversion, ext: string, taken: Set<string>): string {
  const stem = basename(c.file).replace(/\.ya?ml$/i, '');
  let name = `${stem}.${ext}`;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}.${ext}`;
  taken.add(name);
  return name;
}

function skippedSummary(failed: readonly Conversion[]): string {
  const lines = failed.map((c) => `  ${c.file}: ${c.title}: ${c.errors[0]?.message ?? ''}`);
  return `skipped ${failed.length} unsupported rule(s):\n${lines.join('\n')}\n`;
}
