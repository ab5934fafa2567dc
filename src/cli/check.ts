/**
 * `tripline check <files or folders...>`: loads rules, runs every check and prints the diagnostics as
 * text, JSON, SARIF or JUnit. Exit 0 when clean (warnings allowed), 1 on errors or too many warnings,
 * 2 on bad usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  type CheckConfigFile,
  type CheckSetting,
  parseCheckConfig,
  resolveCheck,
  unknownCheckMessage,
} from '../checks/config.js';
import { FORMATS, type FormatName } from '../checks/format/index.js';
import { summarize } from '../checks/format/report.js';
import { checkPaths } from '../checks/parallel.js';
import { CHECKS } from '../checks/registry.js';
import { type CheckName, CODES } from '../core/codes.js';
import { EXIT } from './exit.js';

/** Options of `tripline check`, as commander parses them. */
export interface CheckCliOptions {
  readonly format?: string;
  readonly output?: string;
  readonly config?: string;
  readonly attackData?: string;
  readonly listChecks?: boolean;
  readonly maxWarnings?: string;
  readonly disable?: readonly string[];
  readonly enable?: readonly string[];
  readonly jobs?: string;
}

/** What a run produced: the text to print and the exit code. */
export interface CheckCliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The `.tripline.yml` that applies from a folder: the nearest one in it or a parent folder. */
export function findConfigFile(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const file = join(dir, '.tripline.yml');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Lists every diagnostic code: code, default severity, check name, where it comes from and what it finds. */
export function listChecks(): string {
  const fromChecks = new Set<string>(CHECKS.map((c) => c.name));
  const rows = (Object.keys(CODES) as CheckName[]).map((name) => {
    const info = CODES[name];
    const stage = fromChecks.has(name) ? 'check' : 'core ';
    return `${info.code}  ${info.severity.padEnd(7)}  ${stage}  ${name.padEnd(30)}  ${info.summary}`;
  });
  return `${rows.join('\n')}\n`;
}

function usage(message: string): CheckCliResult {
  return { exitCode: EXIT.usage, stdout: '', stderr: `tripline check: ${message}\n` };
}

function readConfig(opts: CheckCliOptions, cwd: string): { file?: string; config?: CheckConfigFile; error?: string } {
  const file = opts.config ? resolve(cwd, opts.config) : findConfigFile(cwd);
  if (!file) return {};
  if (!existsSync(file)) return { error: `config file '${opts.config}' does not exist` };
  const { config, errors } = parseCheckConfig(readFileSync(file, 'utf8'), file);
  return errors.length > 0 ? { error: errors.join('\n') } : { file, config };
}

/** Builds the settings table from the config file and the --disable / --enable flags. */
function flagSettings(opts: CheckCliOptions): { settings: Record<string, CheckSetting>; error?: string } {
  const settings: Record<string, CheckSetting> = {};
  const split = (list: readonly string[] | undefined) =>
    (list ?? [])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
  for (const [list, off] of [
    [split(opts.disable), true],
    [split(opts.enable), false],
  ] as const) {
    for (const key of list) {
      const name = resolveCheck(key);
      if (!name) return { settings, error: unknownCheckMessage(key) };
      settings[name] = off ? 'off' : CODES[name].severity;
    }
  }
  return { settings };
}

/** Validates --format, --max-warnings and --jobs; returns a usage message when one is wrong. */
function parseNumbers(opts: CheckCliOptions): { format: FormatName; maxWarnings?: number; jobs?: number } | string {
  const format = (opts.format ?? 'text') as FormatName;
  if (!(format in FORMATS)) return `unknown format '${opts.format}'; use ${Object.keys(FORMATS).join(', ')}`;
  const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0))
    return `--max-warnings takes a whole number, not '${opts.maxWarnings}'`;
  const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    return `--jobs takes a whole number >= 1, not '${opts.jobs}'`;
  return { format, maxWarnings, jobs };
}

/** Runs `tripline check` without touching process state (the CLI wrapper prints and sets the exit code). */
export async function runCheck(
  paths: readonly string[],
  opts: CheckCliOptions,
  cwd = process.cwd(),
): Promise<CheckCliResult> {
  if (opts.listChecks) return { exitCode: EXIT.ok, stdout: listChecks(), stderr: '' };
  const parsed = parseNumbers(opts);
  if (typeof parsed === 'string') return usage(parsed);
  if (paths.length === 0) return usage('give at least one rule file or folder (or --list-checks)');
  const cfg = readConfig(opts, cwd);
  if (cfg.error) return usage(cfg.error);
  const flags = flagSettings(opts);
  if (flags.error) return usage(flags.error);
  const attackDir =
    opts.attackData ??
    (cfg.config?.attackData && cfg.file ? resolve(dirname(cfg.file), cfg.config.attackData) : undefined);
  if (opts.attackData && !existsSync(resolve(cwd, opts.attackData)))
    return usage(`--attack-data folder '${opts.attackData}' does not exist`);
  // Paths stay as typed (so diagnostics show them that way) unless another working folder was given.
  const inputs = paths.map((p) => (isAbsolute(p) || cwd === process.cwd() ? p : join(cwd, p)));
  const { files, diagnostics } = await checkPaths(inputs, {
    checks: { ...(cfg.config?.checks ?? {}), ...flags.settings },
    dataOptions: { attackDir, cwd },
    threads: parsed.jobs,
  });
  const report = { files, diagnostics };
  const text = FORMATS[parsed.format](report);
  const s = summarize(report);
  const limit = parsed.maxWarnings ?? cfg.config?.maxWarnings;
  const tooMany = limit !== undefined && s.warnings > limit;
  const exitCode = s.errors > 0 || tooMany ? EXIT.findings : EXIT.ok;
  const note = tooMany ? `tripline check: ${s.warnings} warnings exceed --max-warnings ${limit}\n` : '';
  if (opts.output) {
    writeFileSync(resolve(cwd, opts.output), text);
    return { exitCode, stdout: '', stderr: note };
  }
  return { exitCode, stdout: text, stderr: note };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Registers `tripline check`. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check Sigma rules: structure, metadata, tags, detection style, taxonomy and schemas')
    .argument('[paths...]', 'rule files or folders')
    .option('-f, --format <format>', `output format: ${Object.keys(FORMATS).join(', ')}`, 'text')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: the nearest .tripline.yml)')
    .option('--attack-data <dir>', 'folder with enterprise-techniques.json and enterprise-tactics.json')
    .option('--list-checks', 'list every check with its code, default severity and summary')
    .option('--max-warnings <n>', 'exit 1 when more warnings than this are found')
    .option('--disable <checks>', 'turn checks off (names or codes, comma-separated; repeatable)', collect)
    .option('--enable <checks>', 'turn checks back on at their default severity (repeatable)', collect)
    .option('-j, --jobs <n>', 'worker threads for parsing and checking (default 1; pays off for very large rule sets)')
    .action(async (paths: string[], opts: CheckCliOptions) => {
      const result = await runCheck(paths, opts);
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    });
}
