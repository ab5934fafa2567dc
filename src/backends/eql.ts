/**
 * Elastic EQL (https://www.elastic.co/guide/en/elasticsearch/reference/current/eql-syntax.html).
 * `:` is case-insensitive equality with `*` wildcards, `like~` adds `?`, `==` / `like` are case-sensitive,
 * `regex~` / `regex` take anchored Lucene regexes; a value with a literal `*` or `?` goes through a regex
 * because the wildcard operators cannot escape them. EQL cannot search full text (keywords) nor compare two
 * fields (documented limitation), and has no aggregations: only temporal_ordered correlations (`sequence`).
 */
import { isWildcard, patternShape } from '../ir/pattern.js';
import type { CorrelationRule, Expr, NumberMatch, Pattern, StringMatch } from '../ir/types.js';
import { unsupported } from './emit.js';
import { cidrPrefixPattern, elasticField, isKeywordField, quoteElastic } from './eql-shared.js';
import { patternLuceneRegex, sigmaToLuceneRegex } from './lucene-regex.js';
import type { BaseQuery, Dialect, Emitted } from './types.js';

/** An EQL string literal; other control characters as `\u{XX}`. */
export function eqlString(text: string): string {
  return quoteElastic(text, (c) => `\\u{${c.toString(16)}}`);
}

const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const KEYWORDS = unsupported('keywords (full-text search): EQL matches named fields only');

/** True when a literal part holds `*` or `?`, which EQL wildcard operators cannot escape. */
const hasWildChars = (p: Pattern) => p.some((x) => typeof x === 'string' && /[*?]/.test(x));

/** The wildcard text of a pattern for `:` / `like` (only when no literal `*`/`?`). */
function wildcardText(p: Pattern): string {
  return p.map((x) => (typeof x === 'string' ? x : isWildcard(x) && x.wildcard === 'one' ? '?' : '*')).join('');
}

/** `:` takes `*` only; `?` needs `like~`. */
const hasOne = (p: Pattern) => p.some((x) => isWildcard(x) && x.wildcard === 'one');

function stringMatch(n: StringMatch): Emitted {
  if (n.field === null) return KEYWORDS;
  const f = elasticField(n.field);
  if (hasWildChars(n.pattern)) {
    return `${f} ${n.cased ? 'regex' : 'regex~'} ${eqlString(patternLuceneRegex(n.pattern, false))}`;
  }
  const text = eqlString(wildcardText(n.pattern));
  if (n.cased) return patternShape(n.pattern).kind === 'exact' ? `${f} == ${text}` : `${f} like ${text}`;
  return hasOne(n.pattern) ? `${f} like~ ${text}` : `${f} : ${text}`;
}

function numberText(field: string, value: number): string {
  return isKeywordField(field) ? eqlString(String(value)) : String(value);
}

/** `f : ("a", "b*")` for case-insensitive `:` values, `f in (1, 2)` for numbers. */
function orSameField(field: string, nodes: readonly (StringMatch | NumberMatch)[]): string | undefined {
  const f = elasticField(field);
  if (nodes.every((n) => n.kind === 'number'))
    return `${f} in (${nodes.map((n) => numberText(field, (n as NumberMatch).value)).join(', ')})`;
  const ok = (n: StringMatch | NumberMatch) =>
    n.kind === 'string' && !n.cased && !hasWildChars(n.pattern) && !hasOne(n.pattern);
  if (!nodes.every(ok)) return undefined;
  return `${f} : (${nodes.map((n) => eqlString(wildcardText((n as StringMatch).pattern))).join(', ')})`;
}

function sequence(rule: CorrelationRule, bases: readonly BaseQuery[]): Emitted {
  if (rule.type !== 'temporal_ordered')
    return unsupported(`${rule.type} correlations: EQL has no aggregations (only sequences)`);
  const extra = Object.keys(rule.condition).filter((k) => k !== 'field' && k !== 'gte');
  if (extra.length || (rule.condition.gte ?? bases.length) !== bases.length)
    return unsupported('temporal_ordered with a count condition: an EQL sequence matches each ordered chain once');
  const by = (b: BaseQuery) =>
    rule.groupBy.map((g) => {
      const alias = rule.aliases[g];
      const ref = [b.rule.meta.name, b.rule.meta.id].find((k) => k && alias?.[k]);
      return elasticField(b.mapField(ref && alias ? alias[ref] : g));
    });
  const keys = bases.map((b) => by(b).join(', '));
  const shared = keys.every((k) => k === keys[0]);
  const head = `sequence${shared && keys[0] ? ` by ${keys[0]}` : ''} with maxspan=${eqlSpan(rule.timespanMs)}`;
  const steps = bases.map((b, i) => {
    const own = !shared && keys[i] ? ` by ${keys[i]}` : '';
    return `  [${eqlQuery(b.condition, b.scopeCondition, b.scope.table, b.rule.expr)}]${own}`;
  });
  return [head, ...steps].join('\n');
}

/** Sigma timespan as an EQL time value (`5m`, `90s`). */
function eqlSpan(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s % 86400 === 0) return `${s / 86400}d`;
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}

function eqlQuery(condition: string, scope: string | undefined, table: string | undefined, expr: Expr): string {
  const cond = scope && (expr.kind === 'or' || expr.kind === 'and') ? `(${condition})` : condition;
  return `${table ?? 'any'} where ${scope ? `${scope} and ${cond}` : cond}`;
}

/** Elastic EQL over ECS: `<category> where ...`, sequences for temporal_ordered. */
export const eql = {
  name: 'eql',
  title: 'Elastic EQL',
  highlight: 'eql',
  pipelines: { default: ['ecs'], available: ['ecs', 'sysmon-winlogbeat'] },
  and: ' and ',
  or: ' or ',
  not: (inner) => `not ${inner}`,
  group: (inner) => `(${inner})`,
  constant: (v) => (v ? 'true' : 'false'),
  leaves: {
    string: stringMatch,
    number: (n) => (n.field === null ? KEYWORDS : `${elasticField(n.field)} == ${numberText(n.field, n.value)}`),
    boolean: (n) => `${elasticField(n.field)} == ${n.value}`,
    // `?field` tolerates a field absent from the index mappings, which is exactly "null" here.
    null: (n) => `?${elasticField(n.field)} == null`,
    exists: (n) => `?${elasticField(n.field)} ${n.exists ? '!=' : '=='} null`,
    regex: (n) => {
      if (n.field === null) return KEYWORDS;
      const re = sigmaToLuceneRegex(n.regex, n.flags, false);
      if (typeof re !== 'string') return re;
      return `${elasticField(n.field)} ${n.flags.ignoreCase ? 'regex~' : 'regex'} ${eqlString(re)}`;
    },
    cidr: (n) => {
      if (!isKeywordField(n.field)) return `cidrMatch(${elasticField(n.field)}, ${eqlString(n.network)})`;
      // cidrMatch needs an `ip` field; on keyword fields only octet-aligned IPv4 blocks have a prefix form.
      const p = cidrPrefixPattern(n.network);
      if (!p) return unsupported(`CIDR ${n.network} on keyword field ${n.field}: only /8, /16, /24 IPv4 blocks`);
      return stringMatch({ kind: 'string', field: n.field, pattern: p, cased: false });
    },
    compare: (n) => `${elasticField(n.field)} ${OPS[n.op]} ${n.value}`,
    datepart: () => unsupported('date-part comparisons: EQL has no date functions on fields'),
    fieldref: () => unsupported('field references: EQL cannot compare a field with another field'),
  },
  orSameField,
  query: (condition, scope, rule) => eqlQuery(condition, scope.condition, scope.table, rule.expr),
  correlation: (rule, bases) => sequence(rule, bases),
} satisfies Dialect;
