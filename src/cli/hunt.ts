/**
 * `tripline hunt <logs...>`: runs Sigma rules (the bundled content pack unless -r) over log files and
 * folders and prints detections as a table, JSON lines, JSON or CSV (schema in docs/hunt.md).
 * Exit codes: 0 ok, 1 detections with --fail-on-detection, 2 bad usage, 3 some input skipped.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Command, Option } from 'commander';
import { HuntSession, LEVELS, prepareRules, type RuleSelection } from '../engine/index.js';
import { MAX_DEFAULT_WORKERS, runParallelHunt } from '../engine/parallel.js';
import type { DetectionRule } from '../ir/types.js';
import { loadRules } from '../ruleset/load.js';
import type { SkippedRecord } from '../sources/event.js';
import { expandInputs, isSourceFormat, SOURCE_FORMATS, type SourceFormat } from '../sources/index.js';
import { bundledRules } from './bundled.js';
import { EXIT } from './exit.js';
import {
  correlationRecord,
  detectionRecord,
  type HuntFormat,
  type HuntRecord,
  RecordWriter,
  ruleFields,
} from './hunt-output.js';
import { HuntProgress } from './hunt-progress.js';
import { endReport, HuntStats, startReport } from './hunt-stats.js';
import { HuntTable } from './hunt-table.js';

/** Options of `tripline hunt` as commander parses them. */
export interface HuntOptions {
  readonly rules?: string[];
  /** Sigma filter files applied on top of the rules (opt-in tuning). */
  readonly filter?: string[];
  readonly format?: string;
  readonly minLevel?: string;
  readonly level?: string[];
  readonly from?: string;
  readonly to?: string;
  readonly rule?: string[];
  readonly includeTag?: string[];
  readonly excludeTag?: string[];
  readonly status?: string[];
  readonly source?: string;
  readonly output?: string;
  readonly quiet?: boolean;
  readonly failOnDetection?: boolean;
  readonly workers?: string;
}

/** Where hunt writes: stdout and stderr text sinks, and whether stderr is a terminal. */
export interface HuntIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The terminal stream for the progress bar, when stderr is one. */
  readonly tty?: NodeJS.WriteStream;
  /** The bundled rules folder (default: <package root>/content/t1195/rules; filters are opt-in). */
  readonly contentDir?: string;
}

/** The bundled content pack: <package root>/content, two levels above this file in src/ and dist/. */
export const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

/** Registers `tripline hunt`. */
export function registerHunt(program: Command): void {
  program
    .command('hunt')
    .description('Hunt log files and folders with Sigma rules (the bundled content pack unless -r)')
    .argument('<logs...>', 'log files or folders (EVTX, JSON lines, JSON, XML, CSV, auditd)')
    .option('-r, --rules <paths...>', 'rule files or folders (default: the bundled content pack)')
    .option('--filter <files...>', 'Sigma filter files applied on top of the rules (e.g. content/t1195/filters/*.yml)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'jsonl', 'json', 'csv']).default('table'),
    )
    .option('--min-level <level>', `only rules at this level or above (${LEVELS.join(', ')})`)
    .option('--level <levels...>', 'only rules with one of these levels')
    .option('--from <time>', 'only events at or after this time (ISO 8601, e.g. 2024-05-01T00:00:00Z)')
    .option('--to <time>', 'only events at or before this time (ISO 8601)')
    .option('--rule <ids...>', 'only these rules (id, name or title)')
    .option('--include-tag <tags...>', 'only rules with one of these tags (e.g. attack.t1195)')
    .option('--exclude-tag <tags...>', 'leave out rules with any of these tags')
    .option('--status <statuses...>', 'only rules with one of these statuses (stable, test, experimental...)')
    .option('--source <format>', `read every input as this format (${SOURCE_FORMATS.join(', ')})`)
    .option('-o, --output <file>', 'write detections to a file instead of stdout')
    .option('--quiet', 'print detections only: no rule and summary reports, no progress bar')
    .option('--fail-on-detection', 'exit with code 1 when anything is detected')
    .option(
      '--workers <n>',
      `worker threads (default: one per core, at most ${MAX_DEFAULT_WORKERS}; each holds its own copy of the rules)`,
    )
    .action(async (logs: string[], opts: HuntOptions) => {
      process.exitCode = await runHunt(logs, opts, {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        tty: process.stderr.isTTY ? process.stderr : undefined,
      });
    });
}

interface Plan {
  readonly format: HuntFormat;
  readonly selection: RuleSelection;
  readonly range: { from?: number; to?: number };
  readonly source?: SourceFormat;
  readonly workers?: number;
}

function plan(opts: HuntOptions): Plan | string {
  const format = (opts.format ?? 'table') as HuntFormat;
  if (!['table', 'jsonl', 'json', 'csv'].includes(format))
    return `unknown --format '${format}': use table, jsonl, json or csv`;
  for (const l of [opts.minLevel, ...(opts.level ?? [])])
    if (l !== undefined && !(LEVELS as readonly string[]).includes(l.toLowerCase()))
      return `unknown level '${l}': use one of ${LEVELS.join(', ')}`;
  if (opts.source !== undefined && !isSourceFormat(opts.source))
    return `unknown --source '${opts.source}': use one of ${SOURCE_FORMATS.join(', ')}`;
  const from = parseTime(opts.from);
  const to = parseTime(opts.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return `--from/--to need an ISO 8601 time such as 2024-05-01T12:00:00Z`;
  const workers = opts.workers === undefined ? undefined : Number(opts.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1))
    return '--workers needs a whole number >= 1';
  return {
    format,
    selection: {
      minLevel: opts.minLevel,
      levels: opts.level,
      rules: opts.rule,
      includeTags: opts.includeTag,
      excludeTags: opts.excludeTag,
      statuses: opts.status,
    },
    range: { from, to },
    source: opts.source as SourceFormat | undefined,
    workers,
  };
}

function parseTime(t: string | undefined): number | undefined {
  if (t === undefined) return undefined;
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : t);
}

/** Runs a hunt and returns the exit code (the testable core of the command). */
export async function runHunt(logs: readonly string[], opts: HuntOptions, io: HuntIo): Promise<number> {
  const p = plan(opts);
  const fail = (msg: string, code: number = EXIT.usage): number => {
    io.stderr(`tripline hunt: ${msg}\n`);
    return code;
  };
  if (typeof p === 'string') return fail(p);
  const contentDir = io.contentDir ?? bundledRules().rules;
  const rulePaths = [...(opts.rules?.length ? opts.rules : [contentDir]), ...(opts.filter ?? [])];
  if (!opts.rules?.length && !existsSync(contentDir))
    return fail(
      `no rules: the bundled content pack folder ${contentDir} is missing; pass rules with -r <files or folders>`,
    );
  const loaded = await loadPrepared(rulePaths, p.selection);
  if (loaded.empty) {
    const where = opts.rules?.length ? rulePaths.join(', ') : `the bundled content pack (${contentDir}) is empty`;
    return fail(`no rules loaded from ${where}; pass rules with -r <files or folders>`);
  }
  const { prepared, diagnostics } = loaded;
  if (prepared.compiled.length === 0)
    return fail('no rule is left to run after the selection options and engine checks');
  const session = new HuntSession(prepared);
  const toFile = opts.output !== undefined;
  const info = opts.quiet ? undefined : p.format === 'table' || toFile ? io.stdout : io.tty ? io.stderr : undefined;
  const say = (lines: readonly string[]): void => info?.(lines.map((l) => `${l}\n`).join(''));
  say(startReport(prepared, [...diagnostics, ...session.correlator.diagnostics], rulePaths));
  const stats = new HuntStats();
  const files = await expandInputs(logs, (s) => {
    stats.skip(s);
    io.stderr(`warning: ${s.file}: ${s.reason}\n`);
  });
  if (files.length === 0) return fail('no input files found', EXIT.skipped);
  return hunt({ files, rulePaths, session, plan: p, opts, io, stats, say });
}

/**
 * Loads and prepares the rules. Kept apart so the RuleSet (YAML documents with positions) can be garbage
 * collected: only the IR rules and the load diagnostics live on through the hunt.
 */
async function loadPrepared(rulePaths: readonly string[], selection: RuleSelection) {
  const ruleset = await loadRules(rulePaths, { keepDocuments: false });
  const empty = ruleset.detections.length === 0 && ruleset.correlations.length === 0;
  const prepared = prepareRules(ruleset.detections, ruleset.correlations, selection);
  return { empty, prepared, diagnostics: ruleset.diagnostics.filter((d) => d.severity === 'error') };
}

/** Everything one hunt run needs once rules and inputs are known. */
interface Run {
  readonly files: readonly string[];
  readonly rulePaths: readonly string[];
  readonly session: HuntSession;
  readonly plan: Plan;
  readonly opts: HuntOptions;
  readonly io: HuntIo;
  readonly stats: HuntStats;
  readonly say: (lines: readonly string[]) => void;
}

/**
 * Where records go: the table (rendered at the end) or a streaming writer, to stdout or -o FILE. Text is
 * written a batch of matches at a time (`flush`): a write per record cost ~14 µs of system calls each,
 * as much as a worker spends hunting an event.
 */
function openOutput(run: Run) {
  const out = run.opts.output ? createWriteStream(run.opts.output) : undefined;
  const sink = out ? (t: string) => void out.write(t) : run.io.stdout;
  let pending: string[] = [];
  const write = (t: string): void => void pending.push(t);
  const flush = (): void => {
    if (pending.length === 0) return;
    sink(pending.join(''));
    pending = [];
  };
  const format = run.plan.format;
  const table = format === 'table' ? new HuntTable() : undefined;
  const writer = format === 'table' ? undefined : new RecordWriter(format, write);
  return {
    emit(r: HuntRecord): void {
      run.stats.detection(r);
      table?.add(r);
      writer?.add(r);
    },
    flush,
    async close(summary: unknown): Promise<void> {
      if (table) write(table.render());
      writer?.end(summary);
      flush();
      if (out) await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

/** Prints the first 20 skipped records and warnings on stderr (clearing the progress bar line first). */
function warner(io: HuntIo, withBar: boolean) {
  let warned = 0;
  return (kind: string, s: SkippedRecord): void => {
    const clear = withBar ? '\r\x1b[2K' : '';
    const where = s.line ? `:${s.line}` : s.offset !== undefined ? ` @${s.offset}` : '';
    if (++warned <= 20) io.stderr(`${clear}${kind}: ${s.file}${where}: ${s.reason}\n`);
    else if (warned === 21) io.stderr(`${clear}... more are counted in the summary\n`);
  };
}

async function hunt(run: Run): Promise<number> {
  const { session, stats, plan, io, opts } = run;
  const prepared = session.prepared;
  const output = openOutput(run);
  const fieldCache = new Map<DetectionRule, readonly string[]>();
  const progress = io.tty && !opts.quiet ? await HuntProgress.start(run.files, io.tty) : undefined;
  const warn = warner(io, progress !== undefined);
  await runParallelHunt({
    files: run.files,
    prepared,
    range: plan.range,
    format: plan.source,
    workers: plan.workers,
    onSkip: (s) => {
      stats.skip(s);
      warn('skipped', s);
    },
    onWarning: (s) => {
      stats.warnings++;
      warn('warning', s);
    },
    // Output shows the rule's own fields of a match; correlations read all of theirs.
    matchFields: prepared.compiled.map((c, i) =>
      session.needsAllFields(i) ? undefined : ruleFields(c.rule, fieldCache),
    ),
    onMatches: (_file, batch) => {
      for (const [i, event] of batch) {
        const d = session.accept(i, event);
        if (d) output.emit(detectionRecord(d, ruleFields(d.rule, fieldCache)));
      }
      output.flush();
    },
    onFileDone: (t) => {
      stats.fileDone(t);
      progress?.fileDone();
    },
    onProgress: (u) => progress?.update(u),
  });
  progress?.stop();
  for (const c of session.finish()) output.emit(correlationRecord(c));
  if (session.untimed > 0)
    io.stderr(`warning: ${session.untimed} matches of correlated rules had no timestamp and were not correlated\n`);
  await output.close(stats.summary(prepared));
  run.say(['', ...endReport(stats, prepared)]);
  if (opts.failOnDetection && stats.detections > 0) return EXIT.findings;
  return stats.skipped > 0 ? EXIT.skipped : EXIT.ok;
}
