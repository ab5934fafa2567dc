/**
 * `tripline simulate <target...>`: writes simulated telemetry for atomic tests, techniques, scenario ids or `all`,
 * optionally mixed with benign background, in one of the simulator's formats. `--list` prints the scenarios.
 * Exit codes: 0 ok, 2 bad usage (unknown target or format, binary output to a terminal).
 */
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import {
  FORMATS,
  type FormatName,
  isFormat,
  renderEvents,
  resolveScenarios,
  SCENARIOS,
  type ScenarioDef,
  simulate,
} from '../simulate/index.js';
import { EXIT } from './exit.js';

/** Options of `tripline simulate` as commander parses them. */
interface SimulateCliOptions {
  readonly format: string;
  readonly seed: string;
  readonly background: string;
  readonly output?: string;
  readonly list?: boolean;
}

/** One line per scenario for `--list`. */
export function listScenarios(defs: readonly ScenarioDef[] = SCENARIOS): string {
  const width = Math.max(...defs.map((d) => d.id.length));
  return defs
    .map((d) => {
      const tag = d.atomic === undefined ? d.kind : `test ${d.atomic}`;
      return `${d.id.padEnd(width)}  ${d.technique.padEnd(9)}  ${d.platform.padEnd(7)}  ${tag.padEnd(7)}  ${d.title}`;
    })
    .join('\n');
}

function fail(message: string): void {
  process.stderr.write(`tripline simulate: ${message}\n`);
  process.exitCode = EXIT.usage;
}

function parseCount(text: string, what: string): number | undefined {
  if (!/^\d+$/.test(text)) {
    fail(`${what} must be a non-negative integer, got '${text}'`);
    return undefined;
  }
  return Number(text);
}

/** Runs the command; reports bad input on stderr with the usage exit code. */
export function runSimulate(targets: readonly string[], opts: SimulateCliOptions): void {
  if (opts.list) {
    process.stdout.write(`${listScenarios()}\n`);
    return;
  }
  if (targets.length === 0) {
    fail('name a target: a test number (1-4), a technique (T1195.002), a scenario id or all; see --list');
    return;
  }
  if (!isFormat(opts.format)) {
    fail(`unknown format '${opts.format}'; use one of ${Object.keys(FORMATS).join(', ')}`);
    return;
  }
  const seed = parseCount(opts.seed, '--seed');
  const background = parseCount(opts.background, '--background');
  if (seed === undefined || background === undefined) return;
  const defs: ScenarioDef[] = [];
  for (const t of targets) {
    const found = resolveScenarios(t);
    if (found.length === 0) {
      fail(`no scenario matches '${t}'; run \`tripline simulate --list\``);
      return;
    }
    for (const d of found) if (!defs.includes(d)) defs.push(d);
  }
  const format: FormatName = opts.format;
  const rendered = renderEvents(simulate(defs, { seed, background }), format);
  if (rendered.omitted > 0) {
    const other = format === 'auditd' ? 'Windows' : 'Linux';
    process.stderr.write(
      `tripline simulate: ${rendered.omitted} ${other} events have no ${format} form and were left out (try --format ecs or mde)\n`,
    );
  }
  for (const p of rendered.problems) process.stderr.write(`tripline simulate: ${p}\n`);
  if (opts.output) writeFileSync(opts.output, rendered.data);
  else if (typeof rendered.data !== 'string' && process.stdout.isTTY)
    fail(`${format} is binary; write it with -o <file>`);
  else process.stdout.write(rendered.data);
}

/** Registers `tripline simulate`. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('write simulated attack and benign telemetry for the T1195 scenarios (deterministic per --seed)')
    .argument('[targets...]', 'test number (1-4), technique (T1195, T1195.002), scenario id, or all')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATS)).default('sysmon-jsonl'),
    )
    .option('-s, --seed <n>', 'PRNG seed', '1')
    .option('-b, --background <n>', 'benign background scenario instances to mix in', '0')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-l, --list', 'list the scenarios and exit')
    .action((targets: string[], opts: SimulateCliOptions) => runSimulate(targets, opts));
}
