/**
 * Small helpers several dialects share: patterns as regular expressions, correlation thresholds, and
 * grouping of base queries. Target-neutral: each caller passes its own escaping and tokens.
 */
import { isMany, isWildcard, patternShape } from '../ir/pattern.js';
import type { CorrelationCondition, NumberMatch, Pattern, RegexFlags, StringMatch } from '../ir/types.js';

/** Characters that are special in RE2, Java and PCRE regexes. */
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** Escapes literal text for a regex (RE2/Java/PCRE syntax; `/` too, for slash-delimited literals). */
export function escapeRegex(text: string): string {
  const escaped = text.replace(REGEX_SPECIAL, '\\$&');
  // Control characters are rare in rule values: one test instead of three replacements.
  if (!/[\n\r\t]/.test(escaped)) return escaped;
  return escaped.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

/**
 * A pattern as a regex source. Anchored with ^...$ unless a leading/trailing `*` makes an anchor
 * unnecessary (so `*x*` becomes `x`, which every engine evaluates as "contains").
 */
export function patternToRegex(p: Pattern): string {
  const leading = isMany(p[0]);
  const trailing = p.length > 1 && isMany(p[p.length - 1]);
  let body = '';
  for (let i = leading ? 1 : 0; i < (trailing ? p.length - 1 : p.length); i++) {
    const part = p[i];
    if (typeof part === 'string') body += escapeRegex(part);
    else if (isWildcard(part)) body += part.wildcard === 'many' ? '[\\s\\S]*' : '[\\s\\S]';
  }
  const open = leading ? '' : '^';
  const close = trailing || (leading && p.length === 1) ? '' : '$';
  return `${open}${body}${close}`;
}

/** Inline flag prefix such as `(?i)` / `(?is)` for engines that take flags inside the pattern. */
export function inlineFlags(flags: RegexFlags): string {
  const f = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}`;
  return f ? `(?${f})` : '';
}

/**
 * Renders a correlation threshold (`gte: 10, lt: 20`) as `value >= 10 <and> value < 20`; `space` goes around
 * each operator (SPL writes `x>=10`).
 */
export function thresholdText(
  c: CorrelationCondition,
  value: string,
  and: string,
  eq = '==',
  neq = '!=',
  space = ' ',
): string {
  const ops: [keyof CorrelationCondition, string][] = [
    ['gt', '>'],
    ['gte', '>='],
    ['lt', '<'],
    ['lte', '<='],
    ['eq', eq],
    ['neq', neq],
  ];
  const parts = ops.filter(([k]) => typeof c[k] === 'number').map(([k, op]) => `${value}${space}${op}${space}${c[k]}`);
  return parts.length > 0 ? parts.join(and) : `${value}${space}${ops[0][1]}${space}0`;
}

/** Default threshold for temporal correlations: every referenced rule must be seen. */
export function temporalCondition(c: CorrelationCondition, rules: number): CorrelationCondition {
  return Object.keys(c).some((k) => k !== 'field') ? c : { gte: rules };
}

/** A stable identifier made from a rule's name, id or title, for use in queries and rule names. */
export function identifier(text: string): string {
  const id = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(id) ? id : `r_${id}`;
}

/**
 * The texts of a same-field OR of exact string matches, for an `IN (...)` list: undefined unless there are
 * two or more, all exact strings with the same `cased`. Texts are lower-cased unless cased.
 */
export function exactTexts(
  nodes: readonly (StringMatch | NumberMatch)[],
): { readonly cased: boolean; readonly texts: readonly string[] } | undefined {
  if (nodes.length < 2 || nodes.some((n) => n.kind !== 'string')) return undefined;
  const strings = nodes as readonly StringMatch[];
  const cased = strings[0].cased;
  const texts: string[] = [];
  for (const n of strings) {
    const shape = patternShape(n.pattern);
    if (n.cased !== cased || shape.kind !== 'exact') return undefined;
    texts.push(cased ? shape.text : shape.text.toLowerCase());
  }
  return { cased, texts };
}
