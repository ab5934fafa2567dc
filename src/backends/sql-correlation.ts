/**
 * Sigma correlations in SQL. Consumes a correlation rule and its converted base rules; produces one
 * query over a CTE `base` (the union of the base rules' matches, tagged with the rule's index). Windows
 * slide: every base match opens a window [t, t + timespan] (both ends inclusive) over later matches of
 * the same group; each window start whose aggregate passes the threshold is one result row. Group-by
 * values compare as text with null read as ''. temporal_ordered chains one self-join per rule.
 */
import type { CorrelationCondition, CorrelationRule } from '../ir/types.js';
import { thresholdText } from './shared.js';
import { fieldExpr, type SqlFlavor, whereClause } from './sql-flavor.js';
import type { BaseQuery, EmitContext, Emitted } from './types.js';

/** The field a correlation names (a group-by entry or the value field), as read in base rule `i`. */
function fieldIn(f: SqlFlavor, rule: CorrelationRule, base: BaseQuery, i: number, name: string): string {
  const ref = rule.rules[i];
  const sigma = rule.aliases[name]?.[ref] ?? name;
  return fieldExpr(f, base.mapField(sigma));
}

/** The `WITH base AS (...)` CTE: one SELECT per base rule with its index, time, group keys and value. */
function baseCte(f: SqlFlavor, rule: CorrelationRule, bases: readonly BaseQuery[]): string {
  const selects = bases.map((b, i) => {
    const groups = rule.groupBy.map((g, j) => `coalesce(${fieldIn(f, rule, b, i, g)}, '') AS g${j}`);
    const value = rule.condition.field ? fieldIn(f, rule, b, i, rule.condition.field) : 'NULL';
    const cols = [`${i} AS tl_rule`, `${f.epochMs} AS tl_t`, ...groups, `${value} AS tl_value`];
    const where = whereClause(f, b.condition, b.scopeCondition, b.rule);
    return `SELECT ${cols.join(', ')} FROM ${b.scope.table ?? 'events'} WHERE ts IS NOT NULL AND (${where})`;
  });
  const numbered = `SELECT row_number() OVER () AS tl_id, * FROM (${selects.join(' UNION ALL ')}) AS u`;
  return `WITH base AS (${numbered})`;
}

/** The aggregate of a window for the aggregating types over join side `b`. */
function aggregate(f: SqlFlavor, rule: CorrelationRule): string | undefined {
  const n = f.number('b.tl_value');
  switch (rule.type) {
    case 'event_count':
      return 'count(*)';
    case 'value_count':
      return 'count(DISTINCT b.tl_value)';
    case 'value_sum':
      return `sum(${n})`;
    case 'value_avg':
      return `avg(${n})`;
    case 'value_percentile':
      return f.percentile?.(n, (rule.condition.percentile ?? 50) / 100);
    default:
      return 'count(DISTINCT b.tl_rule)';
  }
}

/** Compiles a correlation rule for one SQL flavor. */
export function sqlCorrelation(
  f: SqlFlavor,
  rule: CorrelationRule,
  bases: readonly BaseQuery[],
  _ctx: EmitContext,
): Emitted {
  const span = rule.timespanMs;
  const keys = rule.groupBy.map((g, j) => `a.g${j} AS ${f.ident(g)}`);
  const same = (x: string, y: string) => rule.groupBy.map((_, j) => `${y}.g${j} = ${x}.g${j}`);
  if (rule.type === 'temporal_ordered') {
    const from = bases.map((_, i) => `base AS a${i}`).join(', ');
    const conds = [`a0.tl_rule = 0`];
    for (let i = 1; i < bases.length; i++) {
      conds.push(`a${i}.tl_rule = ${i}`, `a${i}.tl_t >= a${i - 1}.tl_t`, `a${i}.tl_t <= a0.tl_t + ${span}`);
      conds.push(...same('a0', `a${i}`));
    }
    const sel = [...rule.groupBy.map((g, j) => `a0.g${j} AS ${f.ident(g)}`), 'a0.tl_t AS window_start'];
    return `${baseCte(f, rule, bases)} SELECT DISTINCT ${sel.join(', ')} FROM ${from} WHERE ${conds.join(' AND ')}`;
  }
  const agg = aggregate(f, rule);
  if (agg === undefined) return { unsupported: `${rule.type} (${f.title} has no percentile aggregate)` };
  const cond =
    rule.type === 'temporal'
      ? { ...rule.condition, ...(hasBound(rule.condition) ? {} : { gte: bases.length }) }
      : rule.condition;
  const join = [...same('a', 'b'), 'b.tl_t >= a.tl_t', `b.tl_t <= a.tl_t + ${span}`];
  const groupBy = ['a.tl_id', 'a.tl_t', ...rule.groupBy.map((_, j) => `a.g${j}`)];
  const inner =
    `SELECT ${[...keys, 'a.tl_t AS window_start', `${agg} AS value`].join(', ')} FROM base AS a, base AS b ` +
    `WHERE ${join.join(' AND ')} GROUP BY ${groupBy.join(', ')} HAVING ${thresholdText(cond, agg, ' AND ', '=', '<>')}`;
  return `${baseCte(f, rule, bases)} SELECT DISTINCT * FROM (${inner}) AS w`;
}

function hasBound(c: CorrelationCondition): boolean {
  return (['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const).some((k) => typeof c[k] === 'number');
}
