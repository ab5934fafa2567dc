/** Elastic threshold rules: which Sigma count correlations have that shape. */
import type { CorrelationRule } from '../ir/types.js';

/**
 * Whether a correlation is an Elastic threshold rule: an event or distinct-value count of one rule, grouped by at
 * most 5 fields, with only a lower bound. Its window is the correlation's timespan (the rule's `from`).
 */
export function thresholdShape(rule: CorrelationRule): { value: number; cardinality?: number } | undefined {
  const c = rule.condition;
  if (rule.type !== 'event_count' && rule.type !== 'value_count') return undefined;
  if (rule.rules.length !== 1 || Object.keys(rule.aliases).length > 0 || rule.groupBy.length > 5) return undefined;
  if ([c.lt, c.lte, c.eq, c.neq].some((x) => x !== undefined)) return undefined;
  const min = c.gte ?? (c.gt !== undefined ? c.gt + 1 : undefined);
  if (min === undefined || !Number.isInteger(min) || min < 1) return undefined;
  if (rule.type === 'event_count') return { value: min };
  return c.field ? { value: 1, cardinality: min } : undefined;
}
