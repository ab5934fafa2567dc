/**
 * The rules under test: loads rule files (filters in them are applied, as everywhere else) and, per rule, the
 * tuning filters its `tripline.tuning` entries name, plus its `tripline.tests` scenario lists.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CorrelationRule, DetectionRule, FilterRule } from '../ir/types.js';
import { applyFilters } from '../ruleset/filters.js';
import { loadRules } from '../ruleset/load.js';
import type { RuleSet } from '../ruleset/types.js';
import { SCENARIOS, type ScenarioDef } from '../simulate/index.js';

/** A rule under test with its scenarios and its tuned form. */
export interface RuleUnderTest {
  readonly rule: DetectionRule | CorrelationRule;
  readonly fire: readonly ScenarioDef[];
  readonly quiet: readonly ScenarioDef[];
  /** Tuning filter files (absolute paths) named by the rule. */
  readonly tuning: readonly string[];
  /** Problems with the metadata: unknown scenario ids, missing filter files. */
  readonly problems: readonly string[];
}

/** The loaded rules, the tested rules and the tuning filters by file. */
export interface LoadedPack {
  readonly ruleSet: RuleSet;
  readonly rules: readonly RuleUnderTest[];
  readonly filters: ReadonlyMap<string, FilterRule>;
}

interface TriplineMeta {
  tests?: { fire?: unknown; quiet?: unknown };
  tuning?: { filter?: unknown }[];
}

function ids(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function describeRule(rule: DetectionRule | CorrelationRule): RuleUnderTest {
  const meta = (rule.meta.custom.tripline ?? {}) as TriplineMeta;
  const problems: string[] = [];
  const scenarios = (list: unknown): ScenarioDef[] =>
    ids(list).flatMap((id) => {
      const def = SCENARIOS.find((s) => s.id === id);
      if (!def) problems.push(`unknown scenario '${id}' in tripline.tests (see \`tripline simulate --list\`)`);
      return def ? [def] : [];
    });
  const tuning = (Array.isArray(meta.tuning) ? meta.tuning : [])
    .map((t) => (typeof t?.filter === 'string' ? path.resolve(path.dirname(rule.origin.file), t.filter) : ''))
    .filter((f) => f !== '');
  for (const f of tuning) if (!existsSync(f)) problems.push(`tuning filter ${f} does not exist`);
  return { rule, fire: scenarios(meta.tests?.fire), quiet: scenarios(meta.tests?.quiet), tuning, problems };
}

/** Loads the rules under test and every tuning filter they name. */
export async function loadPack(rulePaths: readonly string[]): Promise<LoadedPack> {
  const ruleSet = await loadRules(rulePaths);
  const rules = [...ruleSet.detections, ...ruleSet.correlations]
    .sort((a, b) => a.origin.file.localeCompare(b.origin.file) || a.origin.span.line - b.origin.span.line)
    .map(describeRule);
  const files = [...new Set(rules.flatMap((r) => r.tuning))].filter((f) => existsSync(f));
  const loaded = files.length ? await loadRules(files) : undefined;
  const filters = new Map<string, FilterRule>();
  for (const f of loaded?.filters ?? []) filters.set(path.resolve(f.origin.file), f);
  return { ruleSet, rules, filters };
}

/** The detections with the tuning filters of `tuning` (file paths) applied. */
export function tuned(
  detections: readonly DetectionRule[],
  tuning: readonly string[],
  filters: ReadonlyMap<string, FilterRule>,
): DetectionRule[] {
  const chosen = tuning.map((f) => filters.get(f)).filter((f): f is FilterRule => f !== undefined);
  return applyFilters(detections, chosen, []);
}

/** The detection rules a correlation references (by id or name). */
export function referencedRules(c: CorrelationRule, detections: readonly DetectionRule[]): DetectionRule[] {
  return detections.filter((d) => c.rules.some((r) => r === d.meta.id || r === d.meta.name));
}
