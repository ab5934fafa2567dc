/**
 * SPL correlations. Base searches run side by side in `| multisearch` (each tagged with `sigma_rule`),
 * sorted by time, and a `streamstats time_window=` sliding window per group computes the aggregate at every
 * event (https://docs.splunk.com/Documentation/Splunk/latest/SearchReference/Streamstats); a sliding window
 * never misses a burst that straddles a fixed `bin` boundary. temporal_ordered chains one streamstats per
 * step, carrying the earliest usable start time forward.
 */
import type { CorrelationCondition, CorrelationRule } from '../ir/types.js';
import type { Unsupported } from '../pipelines/types.js';
import { unsupported } from './emit.js';
import { thresholdText } from './shared.js';
import { evalField, splSpan, splString } from './spl-text.js';
import type { BaseQuery, EmitContext, Emitted } from './types.js';

const AGGREGATE: Readonly<Record<string, (field: string, c: CorrelationCondition) => string>> = {
  event_count: () => 'count',
  value_count: (f) => `dc(${f})`,
  value_sum: (f) => `sum(${f})`,
  value_avg: (f) => `avg(${f})`,
  value_percentile: (f, c) => `perc${c.percentile ?? 95}(${f})`,
};

/** The target field of a group-by name or alias in one base rule. */
function fieldIn(rule: CorrelationRule, base: BaseQuery, name: string): string {
  const alias = rule.aliases[name];
  const ref = [base.rule.meta.name, base.rule.meta.id].find((k) => k && alias?.[k]);
  return base.mapField(ref && alias ? alias[ref] : name);
}

/** The rule's events: one base search, or a multisearch of all of them tagged with `sigma_rule`. */
function events(rule: CorrelationRule, bases: readonly BaseQuery[], groups: string[]): string | Unsupported {
  if (bases.some((b) => b.query.startsWith('|')))
    return unsupported('correlation over a CIM data model query (tstats is not a streaming search)');
  const tagged = bases.map((b, i) => {
    const renames = groups
      .map((g) => [g, fieldIn(rule, b, g)] as const)
      .filter(([g, f]) => g !== f)
      .map(([g, f]) => `, ${evalField(g)}=${evalField(f)}`);
    return { query: b.query, tag: `sigma_rule=${splString(rule.rules[i])}${renames.join('')}` };
  });
  if (tagged.length === 1) return `${tagged[0].query} | eval ${tagged[0].tag}`;
  return `| multisearch ${tagged.map((t) => `[search ${t.query} | eval ${t.tag}]`).join(' ')}`;
}

/** temporal_ordered: step i keeps the latest chain start reachable through rules 0..i within the window. */
function ordered(rule: CorrelationRule, by: string, span: string): string {
  const steps: string[] = [];
  const n = rule.rules.length;
  for (let i = 0; i < n - 1; i++) {
    const tag = splString(rule.rules[i]);
    const start = i === 0 ? '_time' : `sigma_chain_${i - 1}`;
    const guard = i === 0 ? '' : ` AND isnotnull(${start})`;
    steps.push(`| eval sigma_start_${i}=if(sigma_rule=${tag}${guard}, ${start}, null())`);
    steps.push(`| streamstats time_window=${span} max(sigma_start_${i}) as sigma_chain_${i}${by}`);
  }
  const last = splString(rule.rules[n - 1]);
  const seconds = Math.round(rule.timespanMs / 1000);
  steps.push(`| where sigma_rule=${last} AND _time-sigma_chain_${n - 2}<=${seconds}`);
  return steps.join(' ');
}

/** Compiles a correlation rule to SPL. */
export function splCorrelation(rule: CorrelationRule, bases: readonly BaseQuery[], _ctx: EmitContext): Emitted {
  const groups = [...rule.groupBy];
  const field = rule.condition.field;
  // Group and aggregated fields are renamed to their Sigma name (or alias) in each base search.
  const head = events(rule, bases, field ? [...groups, field] : groups);
  if (typeof head !== 'string') return head;
  const by = groups.length ? ` by ${groups.map(evalField).join(' ')}` : '';
  const span = splSpan(rule.timespanMs);
  const sorted = `${head} | sort 0 _time`;
  if (rule.type === 'temporal_ordered') {
    if (rule.rules.length < 2) return unsupported('temporal_ordered needs at least two rules');
    return `${sorted} ${ordered(rule, by, span)}`;
  }
  if (rule.type === 'temporal') {
    const c = Object.keys(rule.condition).some((k) => k !== 'field') ? rule.condition : { gte: rule.rules.length };
    return `${sorted} | streamstats time_window=${span} dc(sigma_rule) as rule_count${by} | where ${thresholdText(c, 'rule_count', ' AND ', '==', '!=', '')}`;
  }
  if (rule.type !== 'event_count' && !field) return unsupported(`${rule.type} needs condition.field`);
  const f = field ? evalField(field) : '';
  const agg = AGGREGATE[rule.type](f, rule.condition);
  return `${sorted} | streamstats time_window=${span} ${agg} as ${rule.type}${by} | where ${thresholdText(rule.condition, rule.type, ' AND ', '==', '!=', '')}`;
}
