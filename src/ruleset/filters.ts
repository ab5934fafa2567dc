/** Applies Sigma filters: each referenced detection rule with a matching log source gets `and not filter`. */
import type { Diagnostic } from '../core/diagnostic.js';
import { and, not } from '../ir/expr.js';
import type { DetectionRule, FilterRule, Logsource } from '../ir/types.js';

/** Returns the detections with every applicable filter's exclusion added. */
export function applyFilters(
  detections: readonly DetectionRule[],
  filters: readonly FilterRule[],
  _diagnostics: Diagnostic[],
): DetectionRule[] {
  if (filters.length === 0) return [...detections];
  return detections.map((rule) => {
    const applicable = filters.filter((f) => refersTo(f, rule) && logsourceCovers(f.logsource, rule.logsource));
    if (applicable.length === 0) return rule;
    const expr = and([rule.expr, ...applicable.map((f) => not(f.expr))]);
    return Object.freeze({ ...rule, expr });
  });
}

function refersTo(filter: FilterRule, rule: DetectionRule): boolean {
  return filter.rules.some((ref) => ref === rule.meta.id || ref === rule.meta.name);
}

/** A filter's log source applies when every key it sets equals the rule's. */
export function logsourceCovers(filter: Logsource, rule: Logsource): boolean {
  return (['category', 'product', 'service'] as const).every((k) => filter[k] === undefined || filter[k] === rule[k]);
}
