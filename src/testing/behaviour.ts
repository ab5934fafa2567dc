/**
 * Behaviour checks of `tripline test`: each rule fires on its fire scenarios and stays quiet on its quiet ones
 * in the native engine (docs/testing.md says exactly when tuning filters apply), the `sql` target run by DuckDB
 * returns exactly the engine's events (detections) or the same fired/not-fired outcome (correlations), and the
 * false-positive figure over the benign background.
 */
import { type Conversion, convertDetection, convertRuleSet } from '../backends/index.js';
import { SQL } from '../backends/sql-targets.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { builtinPipeline } from '../pipelines/index.js';
import type { PipelineSpec } from '../pipelines/types.js';
import type { RuleSet } from '../ruleset/types.js';
import type { ScenarioDef } from '../simulate/index.js';
import type { LogEvent } from '../sources/event.js';
import type { EventDb } from './duckdb.js';
import { runEngine } from './engine-run.js';
import { type LoadedPack, type RuleUnderTest, referencedRules, tuned } from './pack.js';
import { reasonOf } from './targets.js';
import type { CheckResult, FalsePositives } from './types.js';

/** The simulated events a run checks rules against. */
export interface EventCorpus {
  readonly byScenario: ReadonlyMap<string, readonly LogEvent[]>;
  readonly background: readonly LogEvent[];
  /** Every scenario's events and the background, in one list (keys are unique: file = scenario id). */
  readonly all: readonly LogEvent[];
}

/** Behaviour results of one rule. */
export interface Behaviour {
  readonly checks: readonly CheckResult[];
  readonly falsePositives: FalsePositives;
}

const SQL_PIPELINES = SQL.pipelines.default.map(builtinPipeline).filter((p): p is PipelineSpec => p !== undefined);

/** A quiet scenario is judged with the tuning filters applied when it is a false-positive scenario. */
export function quietWithTuning(s: ScenarioDef): boolean {
  return (s.falsePositives?.length ?? 0) > 0;
}

function result(check: string, failures: readonly string[], detail?: string): CheckResult {
  if (failures.length) return { check, status: 'fail', detail: failures.join('; ') };
  return { check, status: 'pass', ...(detail ? { detail } : {}) };
}

/** Fire and quiet checks from a per-scenario alert count (untuned and tuned). */
function fireQuiet(r: RuleUnderTest, alerts: (s: ScenarioDef, tunedRule: boolean) => number): CheckResult[] {
  const fire: string[] = [];
  const quiet: string[] = [];
  for (const s of r.fire) {
    if (alerts(s, false) === 0) fire.push(`${s.id}: no alert`);
    else if (alerts(s, true) === 0) fire.push(`${s.id}: hidden by the tuning filters`);
  }
  for (const s of r.quiet) {
    const withTuning = quietWithTuning(s);
    const n = alerts(s, withTuning);
    if (n > 0) quiet.push(`${s.id}: ${n} alert(s)${withTuning ? ' with tuning' : ''}`);
  }
  const none = (list: readonly ScenarioDef[]) => (list.length === 0 ? 'no scenarios listed' : undefined);
  return [
    r.fire.length ? result('fire', [...r.problems, ...fire]) : { check: 'fire', status: 'skip', detail: none(r.fire) },
    r.quiet.length ? result('quiet', quiet) : { check: 'quiet', status: 'skip', detail: none(r.quiet) },
  ];
}

function per10k(n: number, events: number): number {
  return events === 0 ? 0 : Math.round((n / events) * 100_000) / 10;
}

function fp(before: number, after: number, events: number, silent: boolean): FalsePositives {
  return { before, after, beforePer10k: per10k(before, events), afterPer10k: per10k(after, events), silent };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((k, i) => k === sortedB[i]);
}

function diffDetail(engine: readonly string[], sql: readonly string[]): string {
  const onlyEngine = engine.filter((k) => !sql.includes(k)).slice(0, 3);
  const onlySql = sql.filter((k) => !engine.includes(k)).slice(0, 3);
  return `engine ${engine.length} vs DuckDB ${sql.length} events (engine only: ${onlyEngine.join(', ') || '-'}; DuckDB only: ${onlySql.join(', ') || '-'})`;
}

/** Checks every detection rule over the whole corpus (one DuckDB load). */
export async function detectionBehaviour(
  pack: LoadedPack,
  corpus: EventCorpus,
  db: EventDb,
  silent: ReadonlySet<DetectionRule>,
): Promise<Map<DetectionRule, Behaviour>> {
  const subjects = pack.rules.filter((r): r is RuleUnderTest & { rule: DetectionRule } => r.rule.kind === 'detection');
  const plain = subjects.map((r) => r.rule);
  const tunedRules = subjects.map((r) => tuned([r.rule], r.tuning, pack.filters)[0]);
  const untunedRun = runEngine(plain, [], corpus.all);
  const tunedRun = runEngine(tunedRules, [], corpus.all);
  await db.load(corpus.all);
  const out = new Map<DetectionRule, Behaviour>();
  for (const [i, r] of subjects.entries()) {
    const keys = (t: boolean) => (t ? tunedRun.matches.get(tunedRules[i]) : untunedRun.matches.get(r.rule)) ?? [];
    const inScenario = (s: string, t: boolean) => keys(t).filter((k) => k.startsWith(`${s}#`)).length;
    const checks = fireQuiet(r, (s, t) => inScenario(s.id, t));
    checks.push(await sqlDetection(r.rule, tunedRules[i], keys(false), keys(true), db));
    const bg = corpus.background.length;
    const figure = fp(inScenario('background', false), inScenario('background', true), bg, silent.has(r.rule));
    out.set(r.rule, { checks, falsePositives: figure });
  }
  return out;
}

async function sqlDetection(
  rule: DetectionRule,
  tunedRule: DetectionRule,
  engine: readonly string[],
  engineTuned: readonly string[],
  db: EventDb,
): Promise<CheckResult> {
  const problems: string[] = [];
  for (const [r, expected, label] of [
    [rule, engine, 'as it stands'],
    [tunedRule, engineTuned, 'tuned'],
  ] as const) {
    if (label === 'tuned' && r === rule) continue;
    const { conversion } = convertDetection(r, SQL, SQL_PIPELINES);
    if (conversion.errors.length) return { check: 'sql-diff', status: 'unsupported', detail: reasonOf(conversion) };
    const got = await db.keys(conversion.queries[0]);
    if (!sameKeys(expected, got)) problems.push(`${label}: ${diffDetail(expected, got)}`);
  }
  return result('sql-diff', problems, `${engine.length} events matched by both`);
}

function miniSet(detections: readonly DetectionRule[], correlation: CorrelationRule): RuleSet {
  return { files: [], entries: [], detections, correlations: [correlation], filters: [], diagnostics: [] };
}

interface Variant {
  readonly tuned: boolean;
  readonly refs: readonly DetectionRule[];
  readonly conversion: Conversion | undefined;
}

/** Per scenario: engine firings of each variant, and where DuckDB's fired/quiet outcome differs. */
async function perScenario(
  r: RuleUnderTest & { rule: CorrelationRule },
  variants: readonly Variant[],
  corpus: EventCorpus,
  db: EventDb,
) {
  const counts = new Map<string, number>();
  const mismatches: string[] = [];
  for (const s of [...r.fire, ...r.quiet]) {
    const events = corpus.byScenario.get(s.id) ?? [];
    await db.load(events);
    for (const v of variants) {
      const n = runEngine(v.refs, [r.rule], events).fired.get(r.rule) ?? 0;
      counts.set(`${s.id}|${v.tuned}`, n);
      if (!v.conversion || v.conversion.errors.length) continue;
      const rows = await db.count(v.conversion.queries[0]);
      const word = (fired: boolean) => (fired ? 'fired' : 'quiet');
      if (rows > 0 !== n > 0)
        mismatches.push(`${s.id}${v.tuned ? ' (tuned)' : ''}: engine ${word(n > 0)}, DuckDB ${word(rows > 0)}`);
    }
  }
  return { counts, mismatches };
}

/** Checks one correlation: per scenario in the engine and in DuckDB, untuned and tuned. */
export async function correlationBehaviour(
  pack: LoadedPack,
  r: RuleUnderTest & { rule: CorrelationRule },
  corpus: EventCorpus,
  db: EventDb,
): Promise<Behaviour> {
  const plainRefs = referencedRules(r.rule, pack.ruleSet.detections);
  const tunedRefs = tuned(plainRefs, r.tuning, pack.filters);
  const variants: Variant[] = [plainRefs, tunedRefs].map((refs, i) => ({
    tuned: i === 1,
    refs,
    conversion: convertRuleSet(miniSet(refs, r.rule), SQL, SQL_PIPELINES).find((c) => c.id === r.rule.meta.id),
  }));
  const { counts, mismatches } = await perScenario(r, variants, corpus, db);
  const checks = fireQuiet(r, (s, t) => counts.get(`${s.id}|${t}`) ?? 0);
  const failed = variants.find((v) => !v.conversion || v.conversion.errors.length);
  checks.push(
    failed !== undefined
      ? {
          check: 'sql-diff',
          status: 'unsupported',
          detail: failed.conversion ? reasonOf(failed.conversion) : 'not converted',
        }
      : result('sql-diff', mismatches, 'same fired/quiet outcome per scenario'),
  );
  const bg = corpus.background;
  const fired = (refs: readonly DetectionRule[]) => runEngine(refs, [r.rule], bg).fired.get(r.rule) ?? 0;
  return { checks, falsePositives: fp(fired(plainRefs), fired(tunedRefs), bg.length, false) };
}
