/**
 * Sumo Logic correlations: the base rules' where clauses over one shared scope, cut into `timeslice`
 * buckets and aggregated per bucket and group (`count`, `count_distinct`, `sum`, `avg`, `pct`,
 * https://help.sumologic.com/docs/search/search-query-language/group-aggregate-operators/). Temporal rules
 * flag each base rule with `if(...)` and require every flag in the bucket. Buckets are tumbling windows.
 */
import type { CorrelationRule } from '../ir/types.js';
import { unsupported } from './emit.js';
import { temporalCondition, thresholdText } from './shared.js';
import { sumoField } from './sumo.js';
import type { BaseQuery, EmitContext, Emitted } from './types.js';

/** The target field of a Sigma (or alias) name in every base rule; undefined when they differ. */
function sameField(rule: CorrelationRule, bases: readonly BaseQuery[], name: string): string | undefined {
  const names = bases.map((b, i) => b.mapField(rule.aliases[name]?.[rule.rules[i]] ?? name));
  return names.every((n) => n === names[0]) ? names[0] : undefined;
}

const AGGREGATES: Partial<Record<CorrelationRule['type'], (f: string, rule: CorrelationRule) => string>> = {
  event_count: () => 'count as value',
  value_count: (f) => `count_distinct(${f}) as value`,
  value_sum: () => 'sum(corr_value) as value',
  value_avg: () => 'avg(corr_value) as value',
  value_percentile: (_, r) => `pct(corr_value, ${r.condition.percentile ?? 50}) as value`,
};

function whereOf(b: BaseQuery): string {
  return b.scopeCondition ? `${b.scopeCondition} and (${b.condition})` : b.condition;
}

/** Compiles a correlation over base queries that share one scope (source and parse lines). */
export function sumoCorrelation(rule: CorrelationRule, bases: readonly BaseQuery[], ctx: EmitContext): Emitted {
  if (rule.type === 'temporal_ordered')
    return unsupported('temporal_ordered correlations (Sumo aggregates keep no per-rule event order)');
  if (!/^\d+[smhd]$/.test(rule.timespan)) return unsupported(`timespan '${rule.timespan}' is not a Sumo timeslice`);
  const table = bases[0].scope.table;
  if (bases.some((b) => b.scope.table !== table))
    return unsupported('the referenced rules read different sources (scope lines); Sumo needs one search');
  const groups: string[] = [];
  for (const g of rule.groupBy) {
    const f = sameField(rule, bases, g);
    if (!f) return unsupported(`group-by field '${g}' maps to different Sumo fields in the referenced rules`);
    groups.push(sumoField(f));
  }
  const by = ['_timeslice', ...groups].join(', ');
  const lines = [table ?? '*\n| json auto', `| where ${bases.map((b) => `(${whereOf(b)})`).join(' or ')}`];
  ctx.warn(`${rule.timespan} windows are fixed timeslice buckets, not sliding`);
  if (rule.type === 'temporal') {
    for (const [i, b] of bases.entries()) lines.push(`| if(${whereOf(b)}, 1, 0) as rule${i}`);
    lines.push(`| timeslice ${rule.timespan}`);
    lines.push(`| ${bases.map((_, i) => `max(rule${i}) as rule${i}`).join(', ')} by ${by}`);
    lines.push(`| ${bases.map((_, i) => `rule${i}`).join(' + ')} as rules`);
    lines.push(`| where ${thresholdText(temporalCondition(rule.condition, bases.length), 'rules', ' and ', '=')}`);
    return lines.join('\n');
  }
  const aggregate = AGGREGATES[rule.type];
  if (!aggregate) return unsupported(`${rule.type} correlations`);
  let value = '';
  if (rule.condition.field) {
    const f = sameField(rule, bases, rule.condition.field);
    if (!f) return unsupported(`field '${rule.condition.field}' maps to different Sumo fields in the rules`);
    value = sumoField(f);
  }
  // Aggregates take field names: numeric values are converted into their own field first.
  if (rule.type !== 'event_count' && rule.type !== 'value_count') lines.push(`| num(${value}) as corr_value`);
  lines.push(`| timeslice ${rule.timespan}`);
  lines.push(`| ${aggregate(value, rule)} by ${by}`);
  lines.push(`| where ${thresholdText(rule.condition, 'value', ' and ', '=')}`);
  return lines.join('\n');
}
