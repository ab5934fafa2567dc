/**
 * Rule selection for a hunt: level, status, tags and ids, then compilation. Consumes the detection and
 * correlation rules of a RuleSet; produces the compiled rules to run and the diagnostics of rules skipped.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule, RuleMeta } from '../ir/types.js';
import { type CompiledRule, compileRule, isCompiled } from './compile.js';

/** Sigma levels from least to most severe. */
export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;

/** Which rules a hunt runs; every given criterion must hold. */
export interface RuleSelection {
  readonly minLevel?: string;
  readonly levels?: readonly string[];
  /** Rule ids, names or titles. */
  readonly rules?: readonly string[];
  readonly includeTags?: readonly string[];
  readonly excludeTags?: readonly string[];
  readonly statuses?: readonly string[];
}

/** The rules a hunt runs. */
export interface PreparedRules {
  readonly compiled: readonly CompiledRule[];
  readonly correlations: readonly CorrelationRule[];
  /** Rules the engine cannot run (unsupported regex...), one diagnostic each. */
  readonly skipped: readonly Diagnostic[];
  /** Rules left out by the selection. */
  readonly unselected: number;
  /** Base rules that raise no alerts of their own (see silentRules), judged over every loaded correlation. */
  readonly silent: ReadonlySet<DetectionRule>;
}

/** The rank of a level (informational 0 .. critical 4), -1 when unknown. */
export function levelRank(level: string | undefined): number {
  return LEVELS.indexOf((level ?? '').toLowerCase() as (typeof LEVELS)[number]);
}

/** True when a rule's metadata passes the selection. */
export function selects(sel: RuleSelection, meta: RuleMeta): boolean {
  const level = (meta.level ?? '').toLowerCase();
  if (sel.minLevel !== undefined && levelRank(level) < levelRank(sel.minLevel)) return false;
  if (sel.levels?.length && !sel.levels.some((l) => l.toLowerCase() === level)) return false;
  if (sel.statuses?.length && !sel.statuses.some((s) => s.toLowerCase() === (meta.status ?? '').toLowerCase()))
    return false;
  const tags = meta.tags.map((t) => t.toLowerCase());
  const hasTag = (t: string): boolean => tags.includes(t.toLowerCase());
  if (sel.includeTags?.length && !sel.includeTags.some(hasTag)) return false;
  if (sel.excludeTags?.some(hasTag)) return false;
  if (sel.rules?.length && !sel.rules.some((r) => r === meta.id || r === meta.name || r === meta.title)) return false;
  return true;
}

/**
 * Selects and compiles rules. A correlation is kept when it passes the selection; the detection rules it
 * references are then kept too, even when the selection alone would leave them out.
 */
export function prepareRules(
  detections: readonly DetectionRule[],
  correlations: readonly CorrelationRule[],
  sel: RuleSelection = {},
): PreparedRules {
  const keptCorrelations = correlations.filter((c) => selects(sel, c.meta));
  const refs = new Set(keptCorrelations.flatMap((c) => c.rules));
  const referenced = (d: DetectionRule): boolean =>
    (d.meta.id !== undefined && refs.has(d.meta.id)) || (d.meta.name !== undefined && refs.has(d.meta.name));
  const chosen = detections.filter((d) => selects(sel, d.meta) || referenced(d));
  const compiled: CompiledRule[] = [];
  const skipped: Diagnostic[] = [];
  for (const d of chosen) {
    const c = compileRule(d);
    if (isCompiled(c)) compiled.push(c);
    else skipped.push(c);
  }
  return Object.freeze({
    compiled: Object.freeze(compiled),
    correlations: Object.freeze(keptCorrelations),
    skipped: Object.freeze(skipped),
    unselected: detections.length + correlations.length - chosen.length - keptCorrelations.length,
    silent: silentRules(detections, correlations),
  });
}

/**
 * Detection rules whose own alerts are hidden: referenced only by correlations with `generate: false`
 * (the Sigma default), so they feed correlations without alerting on their own.
 */
export function silentRules(
  detections: readonly DetectionRule[],
  correlations: readonly CorrelationRule[],
): Set<DetectionRule> {
  const silent = new Set<DetectionRule>();
  const loud = new Set<DetectionRule>();
  for (const c of correlations) {
    for (const d of detections) {
      if (!c.rules.some((r) => r === d.meta.id || r === d.meta.name)) continue;
      (c.generate ? loud : silent).add(d);
    }
  }
  for (const d of loud) silent.delete(d);
  return silent;
}
