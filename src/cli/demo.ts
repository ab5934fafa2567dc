/**
 * `tripline demo` (what `npm start` runs): simulates the seeds' atomic tests 1-4 plus benign background into a
 * sample log set (EVTX, JSON lines, auditd), hunts it with the bundled T1195 pack through the engine's library
 * functions, prints the detections grouped by rule, then converts the seed 001 rule (trusted installer spawns a
 * LOLBin) to every registered target. Deterministic for a seed; a few seconds; about 120 lines of output.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { convertRuleSet, TARGETS } from '../backends/index.js';
import { type Detection, huntEvents, prepareRules } from '../engine/index.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { makeDirectory } from '../ruleset/files.js';
import { loadRules } from '../ruleset/load.js';
import { renderEvents, resolveScenarios, type SimEvent, simulate } from '../simulate/index.js';
import { type LogEvent, readEvents } from '../sources/index.js';
import { defaultPipelines } from '../testing/targets.js';
import { bundledRules } from './bundled.js';
import { EXIT } from './exit.js';

/** The rule the demo converts: seed 001, trusted installer or updater spawns a LOLBin. */
const DEMO_RULE = 'trusted_installer_spawns_lolbin.yml';
/** Longest query printed in full; longer ones are cut (the full text is written to the output folder). */
const MAX_QUERY_LINES = 12;

/** Options of `tripline demo`. */
export interface DemoOptions {
  readonly output?: string;
  readonly seed?: string;
}

/** Writes the sample log set; returns the file paths. */
export function writeSampleLogs(dir: string, seed: number): string[] {
  const attack = simulate(['1', '2', '3', '4'].flatMap(resolveScenarios), { seed });
  const background = simulate([], { seed: seed + 1, background: 60 });
  const both: SimEvent[] = [...attack, ...background].sort((a, b) => a.time - b.time);
  const files: [string, string | Uint8Array][] = [
    ['atomic-tests.evtx', renderEvents(attack, 'sysmon-evtx').data],
    ['background-sysmon.jsonl', renderEvents(background, 'sysmon-jsonl').data],
    ['linux-audit.log', renderEvents(both, 'auditd').data],
  ];
  return files.map(([name, data]) => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  });
}

async function readAll(files: readonly string[], say: (...lines: string[]) => void): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  for (const f of files) {
    let n = 0;
    for await (const e of readEvents(f, { onSkip: (s) => say(`  skipped ${s.file}: ${s.reason}`) })) {
      events.push(e);
      n++;
    }
    say(`  ${f}  (${n} events)`);
  }
  return events;
}

function example(e: LogEvent): string {
  const f = e.fields;
  const parent = typeof f.ParentImage === 'string' ? `${path.win32.basename(f.ParentImage)} -> ` : '';
  const what = f.CommandLine ?? f.TargetFilename ?? f.Image ?? f.DestinationIp ?? '';
  return `${e.host ?? '?'}  ${parent}${String(what)}`.slice(0, 110);
}

/** Prints the detections grouped by rule, most severe first. */
function printDetections(
  detections: readonly Detection[],
  correlations: readonly { correlation: CorrelationRule; events: readonly Detection[] }[],
  say: (...lines: string[]) => void,
): void {
  const groups = new Map<DetectionRule | CorrelationRule, LogEvent[]>();
  for (const d of detections) groups.set(d.rule, [...(groups.get(d.rule) ?? []), d.event]);
  for (const c of correlations)
    groups.set(c.correlation, [...(groups.get(c.correlation) ?? []), ...c.events.map((d) => d.event)]);
  const order = ['critical', 'high', 'medium', 'low', 'informational'];
  const rank = (r: DetectionRule | CorrelationRule) => order.indexOf(r.meta.level ?? 'informational');
  for (const [rule, events] of [...groups].sort((a, b) => rank(a[0]) - rank(b[0]))) {
    const kind = rule.kind === 'correlation' ? 'correlation, ' : '';
    say(
      `[${rule.meta.level ?? '?'}] ${rule.meta.title}  (${kind}${events.length} event${events.length === 1 ? '' : 's'})`,
    );
    for (const e of events.slice(0, 2)) say(`    ${example(e)}`);
    if (events.length > 2) say(`    ... ${events.length - 2} more`);
  }
}

/** Converts the demo rule to every target and prints each query under a heading. */
async function printConversions(rulesDir: string, dir: string, say: (...lines: string[]) => void): Promise<void> {
  const set = await loadRules([path.join(rulesDir, DEMO_RULE)]);
  makeDirectory(path.join(dir, 'queries'));
  for (const [name, dialect] of Object.entries(TARGETS)) {
    const pipelines = defaultPipelines(dialect);
    const [c] = convertRuleSet(set, dialect, pipelines);
    say(
      '',
      `--- ${name}: ${dialect.title}${pipelines.length ? ` (pipeline ${pipelines.map((p) => p.name).join(', ')})` : ''}`,
    );
    if (!c || c.errors.length) {
      say(`unsupported: ${c?.errors[0]?.message ?? 'no conversion'}`);
      continue;
    }
    const text = c.queries.join('\n\n');
    writeFileSync(path.join(dir, 'queries', `${name}.txt`), `${text}\n`);
    const lines = text.split('\n');
    say(...lines.slice(0, MAX_QUERY_LINES));
    if (lines.length > MAX_QUERY_LINES)
      say(`... ${lines.length - MAX_QUERY_LINES} more lines in ${path.join(dir, 'queries', `${name}.txt`)}`);
  }
}

/** Runs the demo, printing through `write`; returns the exit code. */
export async function runDemo(opts: DemoOptions, write: (text: string) => void): Promise<number> {
  const say = (...lines: readonly string[]) => write(lines.map((l) => `${l}\n`).join(''));
  const seed = Number(opts.seed ?? '1');
  if (!Number.isInteger(seed) || seed < 0) {
    say('tripline demo: --seed takes a non-negative whole number');
    return EXIT.usage;
  }
  const dir = opts.output ?? mkdtempSync(path.join(tmpdir(), 'tripline-demo-'));
  makeDirectory(dir);
  const pack = bundledRules();
  say(
    'tripline demo: T1195 supply-chain compromise, simulated and hunted',
    '',
    `1. Sample logs (seed ${seed}): atomic tests 1-4 + benign background, written to ${dir}`,
  );
  const events = await readAll(writeSampleLogs(dir, seed), say);
  const set = await loadRules([pack.rules]);
  const prepared = prepareRules(set.detections, set.correlations);
  const result = await huntEvents(prepared, events);
  say(
    '',
    `2. Hunt with the bundled pack (${pack.rules}, ${prepared.compiled.length} rules, ${set.correlations.length} correlations, no tuning filters): ${result.detections.length + result.correlations.length} detections over ${result.events} events`,
  );
  printDetections(result.detections, result.correlations, say);
  say('', '   Try it yourself: tripline hunt <dir>   (add --filter content/t1195/filters/<file>.yml to tune)');
  say('', `3. The seed 001 rule (${DEMO_RULE}) converted to every target`);
  await printConversions(pack.rules, dir, say);
  say('', `Done. Logs and queries are in ${dir}; prove the whole pack with: tripline test`);
  return EXIT.ok;
}

/** Registers `tripline demo`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('simulate the T1195 atomic tests, hunt them with the bundled pack, convert a rule to every target')
    .option('-o, --output <dir>', 'folder for the sample logs and queries (default: a new temp folder)')
    .option('-s, --seed <n>', 'simulator seed', '1')
    .action(async (opts: DemoOptions) => {
      process.exitCode = await runDemo(opts, (t) => process.stdout.write(t));
    });
}
