/**
 * `testRules`: the library core of `tripline test`. Consumes rule paths, a seed and a background size;
 * produces a TestReport (types.ts): per rule, fire/quiet in the engine, engine == DuckDB, conversion to every
 * target, and alerts per 10,000 benign background events before and after tuning.
 */

import { TARGETS } from '../backends/index.js';
import { formatDiagnostic } from '../core/diagnostic.js';
import { silentRules } from '../engine/index.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { type Behaviour, correlationBehaviour, detectionBehaviour, type EventCorpus } from './behaviour.js';
import { openEventDb } from './duckdb.js';
import { backgroundEvents, scenarioEvents } from './events.js';
import { type LoadedPack, loadPack, type RuleUnderTest } from './pack.js';
import { conversionCheck, convertAll, targetNames } from './targets.js';
import type { CheckResult, RuleReport, TestReport } from './types.js';
import { type Validators, validators } from './validators.js';

/** Options of a test run. */
export interface TestOptions {
  /** Rule files or folders. */
  readonly rules: readonly string[];
  /** Simulator seed (default 1). */
  readonly seed?: number;
  /** Benign background events for the false-positive figure (default 10,000). */
  readonly background?: number;
  /** Only these targets (default: every registered target). */
  readonly targets?: readonly string[];
}

/** The behaviour columns, before the target columns. */
export const BEHAVIOUR_CHECKS = ['fire', 'quiet', 'sql-diff'] as const;

/** Simulates every scenario the rules name (each on its own) and the background. */
export function buildCorpus(pack: LoadedPack, seed: number, background: number, problems: string[]): EventCorpus {
  const byScenario = new Map<string, ReturnType<typeof scenarioEvents>>();
  for (const r of pack.rules)
    for (const s of [...r.fire, ...r.quiet])
      if (!byScenario.has(s.id)) byScenario.set(s.id, scenarioEvents(s, seed, problems));
  const bg = backgroundEvents(background, seed, problems);
  return { byScenario, background: bg, all: [...[...byScenario.values()].flat(), ...bg] };
}

/** Runs every check over the rules and returns the report. */
export async function testRules(opts: TestOptions): Promise<TestReport> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const pack = await loadPack(opts.rules);
  const problems = pack.ruleSet.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  if (pack.rules.length === 0) problems.push(`no rules loaded from ${opts.rules.join(', ')}`);
  const corpus = buildCorpus(pack, seed, opts.background ?? 10_000, problems);
  const db = await openEventDb();
  try {
    const behaviour = await behaviours(pack, corpus, db);
    const targets = targetNames(opts.targets);
    const checkers = validators(db, targets);
    const conversions = await conversionChecks(pack, targets, checkers.byTarget).finally(() => checkers.close());
    const rules = pack.rules.map((r) => report(r, behaviour.get(r.rule), conversions.get(r.rule) ?? []));
    const failures = problems.length + rules.flatMap((r) => r.checks).filter((c) => c.status === 'fail').length;
    return {
      seed,
      backgroundEvents: corpus.background.length,
      columns: [...BEHAVIOUR_CHECKS, ...targets],
      rules,
      problems,
      failures,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    db.close();
  }
}

async function behaviours(pack: LoadedPack, corpus: EventCorpus, db: Awaited<ReturnType<typeof openEventDb>>) {
  const silent = silentRules(pack.ruleSet.detections, pack.ruleSet.correlations);
  const out = new Map<DetectionRule | CorrelationRule, Behaviour>(await detectionBehaviour(pack, corpus, db, silent));
  for (const r of pack.rules)
    if (r.rule.kind === 'correlation')
      out.set(r.rule, await correlationBehaviour(pack, r as RuleUnderTest & { rule: CorrelationRule }, corpus, db));
  return out;
}

async function conversionChecks(
  pack: LoadedPack,
  targets: readonly string[],
  checkers: Validators['byTarget'],
): Promise<Map<DetectionRule | CorrelationRule, CheckResult[]>> {
  const out = new Map<DetectionRule | CorrelationRule, CheckResult[]>(pack.rules.map((r) => [r.rule, []]));
  for (const target of targets) {
    const conversions = convertAll(pack.ruleSet, TARGETS[target]);
    for (const r of pack.rules)
      out.get(r.rule)?.push(await conversionCheck(target, conversions.get(r.rule), checkers[target]));
  }
  return out;
}

function report(r: RuleUnderTest, b: Behaviour | undefined, conversions: readonly CheckResult[]): RuleReport {
  const rule = r.rule;
  return {
    file: rule.origin.file,
    id: rule.meta.id ?? null,
    title: rule.meta.title,
    kind: rule.kind,
    checks: [...(b?.checks ?? []), ...conversions],
    falsePositives: b?.falsePositives ?? { before: 0, after: 0, beforePer10k: 0, afterPer10k: 0, silent: false },
  };
}
