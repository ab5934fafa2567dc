/**
 * `tripline test [rules...]`: proves rules on simulated telemetry (fire and quiet scenarios from their
 * `tripline.tests`), checks the engine against DuckDB running the `sql` target, converts each rule to every
 * target (validated in-process where possible) and reports alerts per 10,000 benign background events before
 * and after tuning. Output: text matrix, JSON or JUnit (docs/testing.md). Exit codes: 0 all passed, 1 a check
 * failed, 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { TARGETS } from '../backends/index.js';
import { renderJson, renderJunit, renderText, TEST_FORMATS, type TestFormat } from '../testing/report.js';
import { testRules } from '../testing/run.js';
import { VERSION } from '../version.js';
import { bundledRules } from './bundled.js';
import { EXIT } from './exit.js';

/** Options of `tripline test` as commander parses them. */
export interface TestCliOptions {
  readonly format?: string;
  readonly seed?: string;
  readonly background?: string;
  readonly target?: string[];
}

function count(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Runs the command; writes the report to `write` and returns the exit code. */
export async function runTest(
  rules: readonly string[],
  opts: TestCliOptions,
  write: (text: string) => void,
  warn: (text: string) => void,
): Promise<number> {
  const format = (opts.format ?? 'text') as TestFormat;
  if (!TEST_FORMATS.includes(format)) return usage(warn, `--format must be one of ${TEST_FORMATS.join(', ')}`);
  const seed = count(opts.seed, 1);
  const background = count(opts.background, 10_000);
  if (seed === undefined || background === undefined)
    return usage(warn, '--seed and --background take a non-negative whole number');
  const unknown = (opts.target ?? []).filter((t) => !Object.hasOwn(TARGETS, t));
  if (unknown.length)
    return usage(warn, `unknown target ${unknown.join(', ')}; use ${Object.keys(TARGETS).join(', ')}`);
  const paths = rules.length ? rules : [bundledRules().rules];
  for (const p of paths) if (!existsSync(p)) return usage(warn, `no such rule file or folder: ${p}`);
  const report = await testRules({ rules: paths, seed, background, targets: opts.target });
  write(
    format === 'json' ? renderJson(report, VERSION) : format === 'junit' ? renderJunit(report) : renderText(report),
  );
  return report.failures > 0 ? EXIT.findings : EXIT.ok;
}

function usage(warn: (text: string) => void, message: string): number {
  warn(`tripline test: ${message}\n`);
  return EXIT.usage;
}

/** Registers `tripline test`. */
export function registerTest(program: Command): void {
  program
    .command('test')
    .description('prove rules on simulated telemetry, check engine == DuckDB, convert to every target')
    .argument('[rules...]', 'rule files or folders (default: the bundled T1195 pack)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...TEST_FORMATS]).default('text'))
    .option('-s, --seed <n>', 'simulator seed', '1')
    .option('-b, --background <n>', 'benign background events for the false-positive figure', '10000')
    .option('-t, --target <targets...>', 'only these conversion targets (default: all)')
    .action(async (rules: string[], opts: TestCliOptions) => {
      process.exitCode = await runTest(
        rules,
        opts,
        (t) => process.stdout.write(t),
        (t) => process.stderr.write(t),
      );
    });
}
