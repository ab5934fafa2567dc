/**
 * AQL correlations: the base rules' WHERE clauses OR-ed into one search, aggregated with `GROUP BY ...
 * HAVING` over `LAST <timespan>` (https://www.ibm.com/docs/en/qsip/7.5?topic=language-aql-data-aggregation-functions).
 * `UNIQUECOUNT` is AQL's exact distinct count (`DISTINCTCOUNT` is a HyperLogLog estimate). The window is the
 * search's own time range: run the search every timespan (a tumbling, not a sliding, window).
 */
import type { CorrelationRule } from '../ir/types.js';
import { aqlField } from './aql.js';
import { unsupported } from './emit.js';
import { thresholdText } from './shared.js';
import type { BaseQuery, EmitContext, Emitted } from './types.js';

const UNITS: readonly [number, string][] = [
  [86_400_000, 'DAYS'],
  [3_600_000, 'HOURS'],
  [60_000, 'MINUTES'],
];

/** `LAST n MINUTES|HOURS|DAYS` for a timespan, or undefined when it is not whole minutes. */
export function aqlLast(ms: number): string | undefined {
  for (const [size, unit] of UNITS) if (ms > 0 && ms % size === 0) return `LAST ${ms / size} ${unit}`;
  return undefined;
}

/** The target field of a Sigma (or alias) name in every base rule; undefined when they differ. */
function sameField(rule: CorrelationRule, bases: readonly BaseQuery[], name: string): string | undefined {
  const names = bases.map((b, i) => b.mapField(rule.aliases[name]?.[rule.rules[i]] ?? name));
  return names.every((n) => n === names[0]) ? names[0] : undefined;
}

type Aggregate = (field: string) => string;

const AGGREGATES: Partial<Record<CorrelationRule['type'], Aggregate>> = {
  event_count: () => 'COUNT(*)',
  value_count: (f) => `UNIQUECOUNT(${f})`,
  value_sum: (f) => `SUM(${f})`,
  value_avg: (f) => `AVG(${f})`,
};

/** Compiles event_count / value_count / value_sum / value_avg to one grouped AQL search. */
export function aqlCorrelation(rule: CorrelationRule, bases: readonly BaseQuery[], ctx: EmitContext): Emitted {
  const aggregate = AGGREGATES[rule.type];
  if (!aggregate)
    return unsupported(
      rule.type === 'value_percentile'
        ? 'value_percentile correlations (AQL has no percentile aggregate)'
        : `${rule.type} correlations (AQL has no event ordering or per-rule sequence across one grouped search)`,
    );
  const last = aqlLast(rule.timespanMs);
  if (!last) return unsupported(`timespan '${rule.timespan}' is not a whole number of minutes (AQL LAST)`);
  const groups: string[] = [];
  for (const g of rule.groupBy) {
    const f = sameField(rule, bases, g);
    if (!f) return unsupported(`group-by field '${g}' maps to different QRadar fields in the referenced rules`);
    const text = aqlField(f);
    if (typeof text !== 'string') return text;
    groups.push(text);
  }
  let value = '';
  if (rule.condition.field) {
    const f = sameField(rule, bases, rule.condition.field);
    if (!f) return unsupported(`field '${rule.condition.field}' maps to different QRadar fields in the rules`);
    const text = aqlField(f);
    if (typeof text !== 'string') return text;
    value = text;
  }
  const where = bases
    .map((b) => (b.scopeCondition ? `${b.scopeCondition} AND (${b.condition})` : b.condition))
    .map((w) => (bases.length > 1 ? `(${w})` : w))
    .join(' OR ');
  const alias = rule.type;
  ctx.warn(`the ${rule.timespan} window is the search range (${last}): schedule it every ${rule.timespan}`);
  const select = [...groups, `${aggregate(value)} AS ${alias}`].join(', ');
  const groupBy = groups.length ? ` GROUP BY ${groups.join(', ')}` : '';
  const having = thresholdText(rule.condition, alias, ' AND ', '=', '!=');
  return `SELECT ${select} FROM events WHERE ${where}${groupBy} HAVING ${having} ${last}`;
}
