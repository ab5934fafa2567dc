/**
 * Converts a rule set for every registered target and each of its pipeline choices. Consumes a RuleSet;
 * produces, per rule key (file + document), the `TargetQueries` a detection page shows in its tabs.
 * Targets and pipelines come from the registries, so a new target appears in the catalog by itself.
 */
import { type Conversion, convertRuleSet, TARGETS } from '../backends/index.js';
import type { Dialect } from '../backends/types.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { BUILTIN_PIPELINES } from '../pipelines/index.js';
import type { PipelineSpec } from '../pipelines/types.js';
import { assembleRuleSet } from '../ruleset/load.js';
import type { RuleSet } from '../ruleset/types.js';
import { siteDiagnostics } from './meta.js';
import type { SiteTarget, TargetOption, TargetQueries } from './types.js';

/** The pipeline choices of a target: its default set first, then each available pipeline alone. */
export function pipelineChoices(dialect: Dialect): string[][] {
  const choices: string[][] = [[...dialect.pipelines.default]];
  for (const p of dialect.pipelines.available) {
    if (!choices.some((c) => c.length === 1 && c[0] === p)) choices.push([p]);
  }
  return choices;
}

/** The key of a rule inside a set: its file and document index. */
export function ruleKey(rule: DetectionRule | CorrelationRule): string {
  return `${rule.origin.file}#${rule.origin.document}`;
}

/** Every registered target as the catalog lists it. */
export function siteTargets(): SiteTarget[] {
  return Object.values(TARGETS).map((d) => ({ name: d.name, title: d.title, highlight: d.highlight }));
}

/** The set as written: the same entries without the Sigma filters applied (filters are opt-in tuning). */
export function withoutFilters(ruleSet: RuleSet): RuleSet {
  if (ruleSet.filters.length === 0) return ruleSet;
  return assembleRuleSet(
    ruleSet.files,
    ruleSet.entries.filter((e) => e.rule?.kind !== 'filter'),
    [],
  );
}

/**
 * Converts the set for every target and pipeline choice; returns queries keyed by `ruleKey`. Each choice
 * gives the rule as written and, when Sigma filters of the set apply to it, a second option with those
 * tuning filters folded in.
 */
export function convertForSite(ruleSet: RuleSet): Map<string, TargetQueries[]> {
  const byKey = new Map<string, TargetQueries[]>();
  const keyOf = keyIndex(ruleSet);
  const plain = withoutFilters(ruleSet);
  for (const dialect of Object.values(TARGETS)) {
    const perRule = new Map<string, TargetOption[]>();
    const add = (c: Conversion, option: TargetOption) => {
      const key = keyOf(c);
      if (!key) return;
      const list = perRule.get(key) ?? [];
      const same = list.find((o) => o.queries.join('\n') === option.queries.join('\n') && o.queries.length > 0);
      if (!same || option.pipelines.join() !== same.pipelines.join()) list.push(option);
      perRule.set(key, list);
    };
    for (const choice of pipelineChoices(dialect)) {
      const specs = choice.map((n) => BUILTIN_PIPELINES[n]).filter((p): p is PipelineSpec => p !== undefined);
      if (specs.length !== choice.length) continue;
      for (const c of convertRuleSet(plain, dialect, specs)) add(c, optionOf(c, choice));
      if (plain === ruleSet) continue;
      for (const c of convertRuleSet(ruleSet, dialect, specs)) add(c, optionOf(c, choice, ' + tuning filters'));
    }
    for (const [key, options] of perRule) {
      const list = byKey.get(key) ?? [];
      list.push({ name: dialect.name, title: dialect.title, highlight: dialect.highlight, options });
      byKey.set(key, list);
    }
  }
  return byKey;
}

function optionOf(c: Conversion, choice: readonly string[], suffix = ''): TargetOption {
  return {
    label: (choice.length > 0 ? choice.join(' + ') : 'no pipeline') + suffix,
    pipelines: choice,
    queries: c.queries,
    errors: siteDiagnostics(c.errors),
    warnings: siteDiagnostics(c.warnings),
  };
}

/** Maps a conversion back to its rule: by file plus id, else file plus title. */
function keyIndex(ruleSet: RuleSet): (c: Conversion) => string | undefined {
  const map = new Map<string, string>();
  for (const r of [...ruleSet.detections, ...ruleSet.correlations]) {
    map.set(`${r.origin.file}\u0000${r.meta.id ?? ''}\u0000${r.meta.title}`, ruleKey(r));
  }
  return (c) => map.get(`${c.file}\u0000${c.id ?? ''}\u0000${c.title}`);
}
