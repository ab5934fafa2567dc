/**
 * Sumo Logic search queries. Semantics per construct are in docs/targets/sumo.md.
 * - The pipeline's scope lines come first (`_sourceCategory=windows/sysmon` and its parse step such as
 *   `| json auto`), then one `| where` clause.
 * - `matches "..."` is a case-sensitive full match whose only wildcard is `*`; a regex literal
 *   `matches /.../` is RE2 (https://help.sumologic.com/docs/search/search-query-language/search-operators/matches/).
 *   Case-insensitive values compare `toLowerCase(field)` with the lower-cased value; `?`, a literal `*` or a
 *   control character switch to an anchored `(?i)` regex.
 * - `compareCIDRPrefix("10.0.0.0", ip, toInt(8))` tests IPv4 networks; `isNull()` tests absence; `num()`
 *   makes extracted (string) fields numeric.
 */
import { isWildcard, MANY, pattern, patternShape } from '../ir/pattern.js';
import type { NumberMatch, Pattern, RegexFlags, StringMatch } from '../ir/types.js';
import { unsupported } from './emit.js';
import { escapeRegex, exactTexts } from './shared.js';
import { sumoCorrelation } from './sumo-correlation.js';
import type { Dialect, Emitted } from './types.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A Sumo string literal with exactly the value `s` (`\\` and `\"` escapes), or undefined for control characters. */
export function sumoString(s: string): string | undefined {
  return CONTROL.test(s) ? undefined : `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

/** A field reference: bare name, or `%"name"` for names with other characters. */
export function sumoField(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `%"${name.replace(/[\\"]/g, '\\$&')}"`;
}

/** A regex literal `/source/`: `/` and control characters escaped for RE2. */
export function sumoRegex(source: string): string {
  const safe = source
    .replace(/\\.|\//g, (m) => (m === '/' ? '\\/' : m))
    .replace(CONTROL_ALL, (c) => `\\x{${c.charCodeAt(0).toString(16)}}`);
  return `/${safe}/`;
}

/** A `matches` wildcard pattern (`*` only), or undefined when the pattern needs `?`, a literal `*` or controls. */
export function sumoWildcard(p: Pattern, lower: boolean): string | undefined {
  let out = '';
  for (const part of p) {
    if (typeof part === 'string') {
      if (part.includes('*')) return undefined;
      out += lower ? part.toLowerCase() : part;
    } else if (isWildcard(part) && part.wildcard === 'many') out += '*';
    else return undefined;
  }
  return sumoString(out);
}

/** An anchored RE2 regex for a pattern (`(?i)` when case-insensitive). */
function patternRegex(p: Pattern, cased: boolean): string {
  const body = p
    .map((part) =>
      typeof part === 'string'
        ? escapeRegex(part)
        : isWildcard(part) && part.wildcard === 'one'
          ? '[\\s\\S]'
          : '[\\s\\S]*',
    )
    .join('');
  return sumoRegex(`${cased ? '' : '(?i)'}^${body}$`);
}

function stringMatch(n: StringMatch): Emitted {
  const field = n.field === null ? '_raw' : sumoField(n.field);
  const p = n.field === null ? pattern([MANY, ...n.pattern, MANY]) : n.pattern;
  const shape = patternShape(p);
  if (shape.kind === 'any') return `!isNull(${field})`;
  const subject = n.cased ? field : `toLowerCase(${field})`;
  if (shape.kind === 'exact') {
    const s = sumoString(n.cased ? shape.text : shape.text.toLowerCase());
    if (s !== undefined) return `${subject} = ${s}`;
  } else {
    const w = sumoWildcard(p, !n.cased);
    if (w !== undefined) return `${subject} matches ${w}`;
  }
  return `${field} matches ${patternRegex(p, n.cased)}`;
}

/** Sigma regexes search the value: padded with `[\s\S]*` so full and partial matching agree. */
function regexText(regex: string, flags: RegexFlags): string {
  const f = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}`;
  return sumoRegex(`^[\\s\\S]*(?${f}:${regex})[\\s\\S]*$`);
}

function numberMatch(n: NumberMatch): Emitted {
  if (n.field === null) return `_raw matches ${sumoString(`*${n.value}*`)}`;
  return `num(${sumoField(n.field)}) = ${n.value}`;
}

/** Same-field OR lists of exact strings become `in (...)` (lower-cased unless cased). */
function orSameField(field: string, nodes: readonly (StringMatch | NumberMatch)[]): string | undefined {
  const exact = exactTexts(nodes);
  const values = exact?.texts.map(sumoString);
  if (!exact || !values || values.some((v) => v === undefined)) return undefined;
  const f = sumoField(field);
  return `${exact.cased ? f : `toLowerCase(${f})`} in (${values.join(', ')})`;
}

const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The Sumo Logic dialect. */
export const SUMO = {
  name: 'sumo',
  title: 'Sumo Logic search',
  highlight: 'sumo',
  pipelines: { default: ['sumo-sysmon'], available: ['sumo-sysmon', 'sumo-cse'] },
  and: ' and ',
  or: ' or ',
  not: (inner) => `!(${inner})`,
  group: (inner) => `(${inner})`,
  constant: (value) => String(value),
  leaves: {
    string: stringMatch,
    number: numberMatch,
    boolean: (n) => `toLowerCase(${sumoField(n.field)}) = "${n.value}"`,
    null: (n) => `isNull(${sumoField(n.field)})`,
    exists: (n) => `${n.exists ? '!' : ''}isNull(${sumoField(n.field)})`,
    regex: (n) => `${n.field === null ? '_raw' : sumoField(n.field)} matches ${regexText(n.regex, n.flags)}`,
    cidr: (n) => {
      const [net, bits] = n.network.split('/');
      if (net.includes(':')) return unsupported('IPv6 CIDR networks (compareCIDRPrefix takes IPv4 addresses)');
      return `compareCIDRPrefix(${sumoString(net)}, ${sumoField(n.field)}, toInt(${bits ?? 32}))`;
    },
    compare: (n) => `num(${sumoField(n.field)}) ${OPS[n.op]} ${n.value}`,
    datepart: () => unsupported('date-part modifiers (minute, hour, ...) have no Sumo where form here'),
    fieldref: (n) => {
      if (n.position !== 'equals') return unsupported(`fieldref with ${n.position} has no Sumo form`);
      const [a, b] = [sumoField(n.field), sumoField(n.other)];
      return n.cased ? `${a} = ${b}` : `toLowerCase(${a}) = toLowerCase(${b})`;
    },
  },
  orSameField,
  query: (condition, scope, _rule, ctx) => {
    if (!scope.table) ctx.warn('no source category for this log source: the query searches every source (*)');
    const where = scope.condition ? `${scope.condition} and (${condition})` : condition;
    return `${scope.table ?? '*\n| json auto'}\n| where ${where}`;
  },
  correlation: sumoCorrelation,
} satisfies Dialect;
