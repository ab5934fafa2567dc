/**
 * CrowdStrike Falcon LogScale (CQL). Reference: https://library.humio.com/data-analysis/syntax.html
 * - `field="v"` is exact, case-sensitive and treats `*` as a glob, so case-insensitive matches use
 *   regex literals `field=/.../i` (unanchored unless ^/$ are written); flags are i, m and d (dotall).
 * - `in(field, values=[...], ignoreCase=true)` for lists of exact values; `cidr(field, subnet=...)`.
 * - Tags (`#event_simpleName`) are indexed, exact values.
 * - A missing field fails every comparison but `!=`; `field=*` tests presence.
 */

import { isWildcard, MANY, pattern, patternShape } from '../ir/pattern.js';
import type { CorrelationRule, Pattern, StringMatch } from '../ir/types.js';
import { unsupported } from './emit.js';
import { escapeRegex, patternToRegex, thresholdText } from './shared.js';
import type { BaseQuery, Dialect, EmitContext, Emitted } from './types.js';

/** Quotes a field name when CQL needs it (anything beyond letters, digits, `_`, `.`, `@`, `#`). */
function field(name: string): string {
  return /^[#@\w.]+$/.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
}

/** A CQL string literal. */
function str(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** A case-sensitive glob for `field="..."`: `*` stays a wildcard, a literal `*` is escaped. */
function glob(p: Pattern): string | undefined {
  if (p.some((x) => isWildcard(x) && x.wildcard === 'one')) return undefined;
  const escapeGlob = (t: string) => str(t).slice(1, -1).replace(/\*/g, '\\*');
  return p.map((x) => (typeof x === 'string' ? escapeGlob(x) : '*')).join('');
}

function regexLiteral(source: string, flags: string): string {
  return `/${source}/${flags}`;
}

function stringMatch(n: StringMatch): Emitted {
  const shape = patternShape(n.pattern);
  // `//` would open a comment in CQL: a pattern that accepts anything is a presence test instead.
  if (n.field === null)
    return shape.kind === 'any' || n.pattern.length === 0
      ? '*'
      : regexLiteral(patternToRegex(pattern([MANY, ...n.pattern, MANY])), n.cased ? '' : 'i');
  if (shape.kind === 'any') return `${field(n.field)}=*`;
  if (n.field.startsWith('#')) {
    if (shape.kind === 'exact') return `${field(n.field)}=${str(shape.text)}`;
  }
  if (n.cased) {
    const g = glob(n.pattern);
    if (g !== undefined) return `${field(n.field)}="${g}"`;
    return `${field(n.field)}=${regexLiteral(patternToRegex(n.pattern), '')}`;
  }
  return `${field(n.field)}=${regexLiteral(patternToRegex(n.pattern), 'i')}`;
}

/** LogScale regex flags for Sigma's i/m/s. */
function regexFlags(f: { ignoreCase: boolean; multiline: boolean; dotAll: boolean }): string {
  return `${f.ignoreCase ? 'i' : ''}${f.multiline ? 'm' : ''}${f.dotAll ? 'd' : ''}`;
}

/** Escapes unescaped `/` so a regex source fits a slash-delimited literal. */
function slashSafe(source: string): string {
  return source.replace(/\\.|\//g, (m) => (m === '/' ? '\\/' : m));
}

const AGGREGATES: Partial<Record<CorrelationRule['type'], (f: string) => string>> = {
  event_count: () => 'count(as=value)',
  value_count: (f) => `count(field=${field(f)}, distinct=true, as=value)`,
  value_sum: (f) => `sum(field=${field(f)}, as=value)`,
  value_avg: (f) => `avg(field=${field(f)}, as=value)`,
};

function correlation(rule: CorrelationRule, bases: readonly BaseQuery[], ctx: EmitContext): Emitted {
  const aggregate = AGGREGATES[rule.type];
  if (!aggregate)
    return unsupported(`${rule.type} correlations have no faithful LogScale form here (use correlate() by hand)`);
  if (bases.length !== 1) return unsupported(`${rule.type} over several rules is not supported for LogScale`);
  const base = bases[0];
  const groups = rule.groupBy.map((g) => field(base.mapField(g)));
  const valueField = rule.condition.field ? base.mapField(rule.condition.field) : '';
  const span = rule.timespan;
  ctx.warn(`windows are fixed ${span} buckets (bucket()), not sliding`);
  return [
    base.query,
    `| bucket(span=${span}, field=[${groups.join(', ')}], function=${aggregate(valueField)})`,
    `| test(${thresholdText(rule.condition, 'value', ' and ')})`,
  ].join('\n');
}

/** The LogScale dialect. */
export const LOGSCALE: Dialect = {
  name: 'logscale',
  title: 'CrowdStrike Falcon LogScale (CQL)',
  highlight: 'logscale',
  pipelines: { default: ['sysmon'], available: ['sysmon', 'falcon'] },
  and: ' and ',
  or: ' or ',
  not: (inner) => `not ${inner}`,
  group: (inner) => `(${inner})`,
  constant: (value) => (value ? '*' : unsupported('a rule that can never match has no LogScale query')),
  leaves: {
    string: stringMatch,
    number: (n) =>
      n.field === null ? regexLiteral(escapeRegex(String(n.value)), '') : `${field(n.field)}=${str(String(n.value))}`,
    boolean: (n) => `${field(n.field)}=/^${n.value}$/i`,
    null: (n) => `not ${field(n.field)}=*`,
    exists: (n) => (n.exists ? `${field(n.field)}=*` : `not ${field(n.field)}=*`),
    regex: (n) =>
      n.field === null
        ? regexLiteral(slashSafe(n.regex), regexFlags(n.flags))
        : `${field(n.field)}=${regexLiteral(slashSafe(n.regex), regexFlags(n.flags))}`,
    cidr: (n) => `cidr(${field(n.field)}, subnet=${str(n.network)})`,
    compare: (n) => `test(${field(n.field)} ${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[n.op]} ${n.value})`,
    datepart: () => unsupported('date-part modifiers (minute, hour, ...) have no LogScale filter form here'),
    fieldref: (n) => {
      if (n.position !== 'equals') return unsupported(`fieldref with ${n.position} has no LogScale form`);
      const [a, b] = [field(n.field), field(n.other)];
      return n.cased ? `test(${a} == ${b})` : `test(lower(${a}) == lower(${b}))`;
    },
  },
  orSameField: (name, nodes) => {
    if (name.startsWith('#') || nodes.length < 2) return undefined;
    const values: string[] = [];
    for (const n of nodes) {
      if (n.kind !== 'string' || n.cased) return undefined;
      const shape = patternShape(n.pattern);
      if (shape.kind !== 'exact' || /[*?]/.test(shape.text)) return undefined;
      values.push(str(shape.text));
    }
    return `in(${field(name)}, values=[${values.join(', ')}], ignoreCase=true)`;
  },
  query: (condition, scope) => (scope.condition ? `${scope.condition}\n| ${condition}` : condition),
  correlation,
};
