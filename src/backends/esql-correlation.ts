/**
 * ES|QL correlations: the base rules' WHERE expressions OR-ed, a flag per rule (`EVAL sigma_r0 = ...`),
 * then `STATS ... BY window = BUCKET(@timestamp, <span>), <group>` and a `WHERE` on the aggregate
 * (https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-commands.html#esql-stats-by).
 * ES|QL has no sliding windows: windows are fixed buckets aligned to the span (a documented limit).
 */
import type { CorrelationRule } from '../ir/types.js';
import { unsupported } from './emit.js';
import { elasticField } from './eql-shared.js';
import { esqlWhere } from './esql-text.js';
import { thresholdText } from './shared.js';
import type { BaseQuery, Emitted } from './types.js';

/** ES|QL duration literal of a timespan (`10 minutes`). */
function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s % 86400 === 0) return `${s / 86400} days`;
  if (s % 3600 === 0) return `${s / 3600} hours`;
  if (s % 60 === 0) return `${s / 60} minutes`;
  return `${s} seconds`;
}

/** The target field of a group-by name or alias in one base rule. */
function fieldIn(rule: CorrelationRule, base: BaseQuery, name: string): string {
  const alias = rule.aliases[name];
  const ref = [base.rule.meta.name, base.rule.meta.id].find((k) => k && alias?.[k]);
  return base.mapField(ref && alias ? alias[ref] : name);
}

/** `CASE(r0, f0, r1, f1)` when the rules name a field differently, else the field. */
function unified(rule: CorrelationRule, bases: readonly BaseQuery[], name: string): string {
  const fields = bases.map((b) => elasticField(fieldIn(rule, b, name)));
  if (fields.every((f) => f === fields[0])) return fields[0];
  return `CASE(${fields.map((f, i) => `sigma_r${i}, ${f}`).join(', ')})`;
}

function aggregate(rule: CorrelationRule, value: string | undefined): string | undefined {
  const n = rule.rules.length;
  const flags = Array.from({ length: n }, (_, i) => `sigma_r${i}`);
  switch (rule.type) {
    case 'event_count':
      return 'event_count = COUNT(*)';
    case 'value_count':
      return value && `value_count = COUNT_DISTINCT(${value})`;
    case 'value_sum':
      return value && `value_sum = SUM(${value})`;
    case 'value_avg':
      return value && `value_avg = AVG(${value})`;
    case 'value_percentile':
      return value && `value_percentile = PERCENTILE(${value}, ${rule.condition.percentile ?? 95})`;
    case 'temporal':
      return flags.map((f, i) => `seen_${i} = MAX(CASE(${f}, 1, 0))`).join(', ');
    case 'temporal_ordered':
      return n === 2
        ? 'first_0 = MIN(CASE(sigma_r0, @timestamp)), last_1 = MAX(CASE(sigma_r1, @timestamp))'
        : undefined;
  }
}

function having(rule: CorrelationRule): string {
  const n = rule.rules.length;
  if (rule.type === 'temporal') {
    const c = Object.keys(rule.condition).some((k) => k !== 'field') ? rule.condition : { gte: n };
    return thresholdText(c, Array.from({ length: n }, (_, i) => `seen_${i}`).join(' + '), ' AND ');
  }
  if (rule.type === 'temporal_ordered') return 'first_0 <= last_1';
  return thresholdText(rule.condition, rule.type, ' AND ');
}

/** Compiles a correlation rule to ES|QL. */
export function esqlCorrelation(rule: CorrelationRule, bases: readonly BaseQuery[]): Emitted {
  if (rule.type === 'temporal_ordered' && bases.length !== 2)
    return unsupported('temporal_ordered over more than two rules: ES|QL STATS cannot order a chain');
  const wheres = bases.map((b) => esqlWhere(b.condition, b.scopeCondition, b.scope.table, b.rule.expr.kind));
  const value = rule.condition.field ? unified(rule, bases, rule.condition.field) : undefined;
  const agg = aggregate(rule, value);
  if (!agg) return unsupported(`${rule.type} needs condition.field`);
  const flags = wheres.map((w, i) => `sigma_r${i} = COALESCE(${w}, false)`).join(', ');
  const groups = rule.groupBy.map((g) => {
    const u = unified(rule, bases, g);
    return u === elasticField(g) ? u : `${elasticField(g)} = ${u}`;
  });
  const by = [`sigma_window = BUCKET(@timestamp, ${duration(rule.timespanMs)})`, ...groups].join(', ');
  return [
    'FROM logs-*',
    `| EVAL ${flags}`,
    `| WHERE ${wheres.map((_, i) => `sigma_r${i}`).join(' OR ')}`,
    `| STATS ${agg} BY ${by}`,
    `| WHERE ${having(rule)}`,
  ].join('\n');
}
