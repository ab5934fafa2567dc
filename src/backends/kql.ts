/**
 * Microsoft KQL (Defender XDR Advanced Hunting, Sentinel). Semantics of every construct are documented in
 * docs/targets/kql.md; operators per https://learn.microsoft.com/kusto/query/datatypes-string-operators.
 */
import { isWildcard, patternShape } from '../ir/pattern.js';
import type { CompareOp, CorrelationRule, DatePart, NumberMatch, Pattern, StringMatch } from '../ir/types.js';
import { isUnsupported } from '../pipelines/types.js';
import { unsupported } from './emit.js';
import type { BaseQuery, Dialect, Emitted } from './types.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/u;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A KQL string literal with exactly the value `s`. Verbatim `@"..."` (only `""` is special) when the value
 * has backslashes and nothing a verbatim literal cannot hold (line breaks, controls); otherwise `"..."`
 * with `\\`, `\"` and `\uXXXX` escapes (https://learn.microsoft.com/kusto/query/scalar-data-types/string).
 */
export function kqlString(s: string): string {
  if (s.includes('\\') && !CONTROL.test(s)) return `@"${s.replaceAll('"', '""')}"`;
  const body = s.replace(/[\\"]|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/gu, (c) => {
    if (c === '\\' || c === '"') return `\\${c}`;
    if (c in SHORT_ESCAPES) return SHORT_ESCAPES[c];
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${body}"`;
}

const RESERVED = new Set([
  'and',
  'or',
  'not',
  'in',
  'has',
  'contains',
  'between',
  'true',
  'false',
  'null',
  'let',
  'where',
]);

/** A column reference: bare identifier, or `['...']` for other names. */
export function kqlField(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name)) return name;
  return `['${name.replace(/[\\']/g, '\\$&')}']`;
}

/** An anchored RE2 regex for a Sigma wildcard pattern (`*` any run, `?` one character, `(?s)` so both cross lines). */
function patternRegex(p: Pattern, cased: boolean): string {
  const body = p
    .map((part) => {
      if (typeof part === 'string') return part.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
      return isWildcard(part) && part.wildcard === 'one' ? '.' : '.*';
    })
    .join('');
  return `${cased ? '(?s)' : '(?is)'}^${body}$`;
}

/** `F op "text"` for a string shape; `_cs` operators when cased. */
function stringMatch(node: StringMatch): Emitted {
  const field = node.field === null ? '*' : kqlField(node.field);
  const cs = node.cased ? '_cs' : '';
  const shape = patternShape(node.pattern);
  // Keywords: Sigma looks for the value anywhere in the event, so exact text is a contains search.
  if (node.field === null && (shape.kind === 'exact' || shape.kind === 'contains'))
    return `* contains${cs} ${kqlString(shape.text)}`;
  switch (shape.kind) {
    case 'exact':
      return `${field} ${node.cased ? '==' : '=~'} ${kqlString(shape.text)}`;
    case 'prefix':
      return `${field} startswith${cs} ${kqlString(shape.text)}`;
    case 'suffix':
      return `${field} endswith${cs} ${kqlString(shape.text)}`;
    case 'contains':
      return `${field} contains${cs} ${kqlString(shape.text)}`;
    case 'any':
      // A bare `*` matches every value; KQL cannot tell an absent string column from an empty one.
      return node.field === null ? 'true' : `isnotnull(${field})`;
    case 'wildcard':
      return `${field} matches regex ${kqlString(patternRegex(node.pattern, node.cased))}`;
  }
}

const OPS: Readonly<Record<CompareOp, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '==' };

/** Date parts: `datetime_part()` where it has the part, `week_of_year()` for ISO weeks. */
function datePart(part: DatePart, field: string): string {
  const ts = `todatetime(${kqlField(field)})`;
  return part === 'week' ? `week_of_year(${ts})` : `datetime_part(${kqlString(part)}, ${ts})`;
}

/** Numbers: `tolong`/`todouble` so decimal strings compare numerically as in Sigma. */
function numeric(field: string, value: number): string {
  return `${Number.isInteger(value) ? 'tolong' : 'todouble'}(${kqlField(field)})`;
}

/** Same-field OR lists: exact values become `in~` (or `in` when cased), everything else stays OR-ed. */
function orSameField(field: string, nodes: readonly (StringMatch | NumberMatch)[]): string | undefined {
  const parts: string[] = [];
  const lists = { '=~': [] as string[], '==': [] as string[] };
  for (const n of nodes) {
    if (n.kind === 'number') {
      lists['=='].push(String(n.value));
      continue;
    }
    const shape = patternShape(n.pattern);
    if (shape.kind === 'exact') lists[n.cased ? '==' : '=~'].push(kqlString(shape.text));
    else parts.push(stringMatch(n) as string);
  }
  const f = kqlField(field);
  const list = (op: string, values: string[]) => {
    if (values.length === 1) parts.unshift(`${f} ${op} ${values[0]}`);
    else if (values.length > 1) parts.unshift(`${f} ${op === '=~' ? 'in~' : 'in'} (${values.join(', ')})`);
  };
  list('==', lists['==']);
  list('=~', lists['=~']);
  return balancedOr(parts);
}

/**
 * Long OR chains are nested as a balanced tree of groups: Kusto parses `a or b or c...` left-deep and
 * refuses queries past its syntax depth limit (KS245), which some Sigma lists of hundreds of values reach.
 */
function balancedOr(parts: readonly string[]): string {
  if (parts.length <= 32) return parts.join(' or ');
  const half = Math.ceil(parts.length / 2);
  return `(${balancedOr(parts.slice(0, half))}) or (${balancedOr(parts.slice(half))})`;
}

/** The KQL dialect. */
export const KQL = {
  name: 'kql',
  title: 'Microsoft KQL (Defender XDR Advanced Hunting, Sentinel)',
  highlight: 'kusto',
  pipelines: { default: ['mde'], available: ['mde', 'sentinel-asim'] },
  and: ' and ',
  or: ' or ',
  // The emitter hands `not` either a leaf (never starting with `(` here) or one group it made with `group`.
  not: (inner) => (inner.startsWith('(') ? `not${inner}` : `not(${inner})`),
  group: (inner) => `(${inner})`,
  constant: (value) => String(value),
  derivedFields: true,
  leaves: {
    string: stringMatch,
    number: (n) =>
      n.field === null ? `* contains ${kqlString(String(n.value))}` : `${kqlField(n.field)} == ${n.value}`,
    boolean: (n) => `${kqlField(n.field)} == ${n.value}`,
    // `isempty()` is true for null and for the empty string: KQL string columns are never null.
    null: (n) => `isempty(${kqlField(n.field)})`,
    exists: (n) => `${n.exists ? 'isnotempty' : 'isempty'}(${kqlField(n.field)})`,
    regex: (n) => {
      if (n.field === null) return unsupported('regular expressions over all fields (keyword regex)');
      const flags = `${n.flags.ignoreCase ? 'i' : ''}${n.flags.multiline ? 'm' : ''}${n.flags.dotAll ? 's' : ''}`;
      return `${kqlField(n.field)} matches regex ${kqlString(flags ? `(?${flags})${n.regex}` : n.regex)}`;
    },
    cidr: (n) =>
      `${n.network.includes(':') ? 'ipv6' : 'ipv4'}_is_in_range(${kqlField(n.field)}, ${kqlString(n.network)})`,
    compare: (n) => `${numeric(n.field, n.value)} ${OPS[n.op]} ${n.value}`,
    datepart: (n) => `${datePart(n.part, n.field)} ${OPS[n.op]} ${n.value}`,
    fieldref: (n) => {
      const [a, b, cs] = [kqlField(n.field), kqlField(n.other), n.cased ? '_cs' : ''];
      if (n.position === 'equals') return `${a} ${n.cased ? '==' : '=~'} ${b}`;
      return `${a} ${n.position}${cs} ${b}`;
    },
  },
  orSameField,
  query: (condition, scope) => {
    if (!scope.table) return unsupported('no table for this log source: add a pipeline that maps it (e.g. -p mde)');
    const lines = [kqlField(scope.table)];
    if (scope.condition) lines.push(`| where ${scope.condition}`);
    for (const [name, expr] of Object.entries(scope.derived ?? {})) lines.push(`| extend ${kqlField(name)} = ${expr}`);
    lines.push(`| where ${condition}`);
    return lines.join('\n');
  },
  correlation: (rule, bases) => correlation(rule, bases),
} satisfies Dialect;

/**
 * Correlations: the base queries (each tagged with its rule, group-by and value fields renamed to the
 * Sigma/alias names) are `union`-ed and summarised per `bin(time, timespan)` and group. Tumbling bins
 * approximate Sigma's sliding window: matches that straddle a bin boundary are not counted together.
 */
function correlation(rule: CorrelationRule, bases: readonly BaseQuery[]): Emitted {
  const time = bases[0]?.scope.timestamp ?? 'TimeGenerated';
  const valueField = rule.condition.field;
  const tagged = bases.map((b, i) => {
    const renames = [...rule.groupBy, ...(valueField ? [valueField] : [])].map((name) => {
      const source = rule.aliases[name]?.[rule.rules[i]] ?? name;
      return [name, b.mapField(source)] as const;
    });
    const extend = [
      `RuleTag = ${kqlString(`r${i}`)}`,
      ...renames.filter(([a, c]) => a !== c).map(([a, c]) => `${kqlField(a)} = ${kqlField(c)}`),
    ];
    return `${b.query}\n| extend ${extend.join(', ')}`;
  });
  const source = tagged.length === 1 ? tagged[0] : `union\n${tagged.map((t) => `(${t})`).join(',\n')}`;
  const by = [`bin(${kqlField(time)}, ${rule.timespan})`, ...rule.groupBy.map(kqlField)].join(', ');
  const agg = aggregate(rule, valueField, time, bases.length);
  if (isUnsupported(agg)) return agg;
  return `${source}\n| summarize ${agg.column} = ${agg.expr} by ${by}\n| where ${agg.where}`;
}

function aggregate(rule: CorrelationRule, field: string | undefined, time: string, n: number) {
  const f = field ? kqlField(field) : '';
  const value = (expr: string) => ({ column: 'Value', expr, where: bounds(rule, 'Value') });
  switch (rule.type) {
    case 'event_count':
      return { column: 'EventCount', expr: 'count()', where: bounds(rule, 'EventCount') };
    case 'value_count':
      return value(`dcount(${f})`);
    case 'value_sum':
      return value(`sum(todouble(${f}))`);
    case 'value_avg':
      return value(`avg(todouble(${f}))`);
    case 'value_percentile':
      return value(`percentile(todouble(${f}), ${rule.condition.percentile ?? 50})`);
    case 'temporal':
      return { column: 'RuleCount', expr: 'dcount(RuleTag)', where: `RuleCount == ${n}` };
    case 'temporal_ordered': {
      // Each match becomes "<sortable time>|r<i>;"; sorted, joined, the rules must appear as a subsequence in
      // order (greedy regex over the time-ordered tags). make_list keeps no order, array_sort_asc restores it.
      const stamp = `strcat(format_datetime(${kqlField(time)}, "yyyy-MM-dd HH:mm:ss.fffffff"), "|", RuleTag, ";")`;
      const order = Array.from({ length: n }, (_, i) => `\\|r${i};`).join('.*');
      return {
        column: 'Sequence',
        expr: `make_list(${stamp})`,
        where: `strcat_array(array_sort_asc(Sequence), ",") matches regex ${kqlString(order)}`,
      };
    }
  }
}

function bounds(rule: CorrelationRule, column: string): string {
  const ops = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '==', neq: '!=' } as const;
  const parts = (Object.keys(ops) as (keyof typeof ops)[])
    .filter((k) => rule.condition[k] !== undefined)
    .map((k) => `${column} ${ops[k]} ${rule.condition[k]}`);
  return parts.length ? parts.join(' and ') : `${column} > 0`;
}
