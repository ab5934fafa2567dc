/** `tripline list targets|pipelines`: what `convert -t` and `-p` accept, as sigma-cli's `sigma list`. */
import type { Command } from 'commander';
import { TARGETS } from '../backends/index.js';
import { BUILTIN_PIPELINES } from '../pipelines/index.js';
import { EXIT } from './exit.js';

const KINDS = ['targets', 'pipelines'] as const;

/** Registers `list`. */
export function registerList(program: Command): void {
  program
    .command('list')
    .description('list conversion targets or built-in pipelines')
    .argument('<what>', KINDS.join(' or '))
    .option('-f, --format <format>', 'text or json', 'text')
    .action((what: string, opts: { format: string }) => {
      process.exitCode = runList(what, opts.format);
    });
}

/** Writes the listing; returns the exit code. */
export function runList(what: string, format: string): number {
  const rows = what === 'targets' ? targetRows() : what === 'pipelines' ? pipelineRows() : undefined;
  if (!rows || (format !== 'text' && format !== 'json')) {
    process.stderr.write(`tripline: usage: tripline list ${KINDS.join('|')} [--format text|json]\n`);
    return EXIT.usage;
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else process.stdout.write(table(rows));
  return EXIT.ok;
}

function targetRows(): Record<string, string>[] {
  return Object.values(TARGETS).map((d) => ({
    name: d.name,
    title: d.title,
    default_pipelines: d.pipelines.default.join(', '),
    pipelines: d.pipelines.available.join(', '),
  }));
}

function pipelineRows(): Record<string, string>[] {
  return Object.values(BUILTIN_PIPELINES).map((p) => ({
    name: p.name,
    targets: p.targets?.length ? p.targets.join(', ') : 'any',
    description: p.description,
  }));
}

/** Left-aligned columns under upper-case headers. */
function table(rows: readonly Record<string, string>[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]);
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(width[i])))
      .join('  ')
      .trimEnd();
  return `${[line(keys.map((k) => k.toUpperCase())), ...rows.map((r) => line(keys.map((k) => r[k])))].join('\n')}\n`;
}
