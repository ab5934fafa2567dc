/**
 * YARA-L multi-event rules for Sigma correlations. Counting types use one event variable `$e` whose
 * events section ORs the referenced rules, placeholders `$<group>` bound to the group-by fields, a
 * `match: $group over <timespan>` window, outcome aggregates and a condition on them. Temporal types use
 * one variable per rule (`$e1`, `$e2`...) joined on the same placeholders; ordered ones add timestamp
 * comparisons. https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax#match_section_syntax
 */
import type { CorrelationRule } from '../ir/types.js';
import { isUnsupported } from '../pipelines/types.js';
import { emitExpr, unsupported } from './emit.js';
import { identifier, temporalCondition, thresholdText } from './shared.js';
import type { BaseQuery, EmitContext, Emitted } from './types.js';
import { statement, warnApproximations, yaralDialect, yaralField } from './yaral.js';
import { yaralRule } from './yaral-rule.js';

/** The events-section statements of one base rule over variable `v`, or why they cannot be written. */
function baseText(b: BaseQuery, v: string, ctx: EmitContext): Emitted {
  const dialect = yaralDialect(v);
  warnApproximations(b.rule, ctx);
  const cond = emitExpr(b.rule.expr, dialect, ctx);
  if (isUnsupported(cond)) return cond;
  const scope = b.scope.conditions;
  if (scope.kind === 'const' && scope.value) return cond;
  const s = emitExpr(scope, dialect, ctx);
  if (isUnsupported(s)) return s;
  return `${statement(s)} and ${statement(cond)}`;
}

/** `$e.<udm field> = $group` bindings of one variable. */
function bindings(rule: CorrelationRule, b: BaseQuery, i: number, v: string): string[] | Emitted {
  const out: string[] = [];
  for (const g of rule.groupBy) {
    const f = yaralField(v, b.mapField(rule.aliases[g]?.[rule.rules[i]] ?? g));
    if (typeof f !== 'string') return f;
    out.push(`${f} = $${identifier(g)}`);
  }
  return out;
}

const OUTCOMES: Partial<Record<CorrelationRule['type'], (f: string) => string>> = {
  value_count: (f) => `count_distinct(${f})`,
  value_sum: (f) => `sum(${f})`,
  value_avg: (f) => `avg(${f})`,
};

/** Compiles a correlation to a multi-event YARA-L rule. */
export function yaralCorrelation(rule: CorrelationRule, bases: readonly BaseQuery[], ctx: EmitContext): Emitted {
  if (rule.groupBy.length === 0)
    return unsupported('correlations without group-by (YARA-L multi-event rules need a match variable)');
  if (rule.type === 'value_percentile')
    return unsupported('value_percentile correlations (no YARA-L percentile outcome)');
  const match = [`${rule.groupBy.map((g) => `$${identifier(g)}`).join(', ')} over ${rule.timespan}`];
  const temporal = rule.type === 'temporal' || rule.type === 'temporal_ordered';
  const vars = temporal ? bases.map((_, i) => `$e${i + 1}`) : ['$e'];
  const events: string[] = [];
  if (temporal) {
    const c = temporalCondition(rule.condition, bases.length);
    if (c.gte !== bases.length || Object.keys(c).some((k) => k !== 'gte' && k !== 'field'))
      return unsupported('temporal correlations with a condition other than "all rules" (YARA-L needs every variable)');
    for (const [i, b] of bases.entries()) {
      const text = baseText(b, vars[i], ctx);
      if (isUnsupported(text)) return text;
      const bound = bindings(rule, b, i, vars[i]);
      if (!Array.isArray(bound)) return bound as Emitted;
      events.push(statement(text), ...bound);
    }
    if (rule.type === 'temporal_ordered')
      for (let i = 1; i < vars.length; i++)
        events.push(`${vars[i - 1]}.metadata.event_timestamp.seconds < ${vars[i]}.metadata.event_timestamp.seconds`);
    return yaralRule(rule.meta, { events, match, condition: [vars.join(' and ')] });
  }
  const texts: string[] = [];
  for (const [i, b] of bases.entries()) {
    const text = baseText(b, '$e', ctx);
    if (isUnsupported(text)) return text;
    const bound = bindings(rule, b, i, '$e');
    if (!Array.isArray(bound)) return bound as Emitted;
    texts.push(bound.length ? `${text} and ${bound.join(' and ')}` : text);
  }
  events.push(texts.length === 1 ? texts[0] : texts.map((t) => `(${t})`).join(' or '));
  if (rule.type === 'event_count')
    return yaralRule(rule.meta, { events, match, condition: [thresholdText(rule.condition, '#e', ' and ')] });
  const outcome = OUTCOMES[rule.type];
  const field = rule.condition.field;
  if (!outcome || !field) return unsupported(`${rule.type} correlations need a condition field`);
  const f = yaralField('$e', bases[0].mapField(rule.aliases[field]?.[rule.rules[0]] ?? field));
  if (typeof f !== 'string') return f;
  if (
    bases.some(
      (b, i) =>
        b.mapField(rule.aliases[field]?.[rule.rules[i]] ?? field) !==
        bases[0].mapField(rule.aliases[field]?.[rule.rules[0]] ?? field),
    )
  )
    return unsupported(`field '${field}' maps to different UDM fields in the referenced rules`);
  const value = `$${rule.type}`;
  return yaralRule(rule.meta, {
    events,
    match,
    outcome: [`${value} = ${outcome(f)}`],
    condition: [`$e and ${thresholdText(rule.condition, value, ' and ')}`],
  });
}
