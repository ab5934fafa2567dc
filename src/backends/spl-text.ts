/**
 * SPL text pieces: quoted strings, field names, Sigma patterns as search terms and as PCRE for `match()`.
 * Shared by the SPL dialect (spl.ts), its query assembly (spl-query.ts) and its correlations.
 */
import { isMany, isWildcard } from '../ir/pattern.js';
import type { Pattern, RegexFlags } from '../ir/types.js';

/** Marker a first-pass leaf leaves in the condition when the rule needs `| where` (never in output). */
export const NEEDS_WHERE = '\u0000needs-where\u0000';

/**
 * A double-quoted SPL string: `\` and `"` are backslash-escaped; the same form works in search terms and
 * eval expressions (https://docs.splunk.com/Documentation/Splunk/latest/Search/Quotes).
 */
export function splString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** True for text a search term can hold: no control characters (the search command splits on them). */
export function searchSafe(text: string): boolean {
  // Control characters are what we look for (the lint rule against them is off project-wide).
  return !/[\u0000-\u001f\u007f]/.test(text);
}

/** A field name as a search term: plain names only (`Processes.process_name`, `c-uri`). */
export function searchField(field: string): string | undefined {
  return /^[A-Za-z_][\w.:@-]*$/.test(field) ? field : undefined;
}

/** A field name in an eval expression: plain identifiers bare, others in single quotes. */
export function evalField(field: string): string {
  if (/^[A-Za-z_][\w.]*$/.test(field)) return field;
  return `'${field.replace(/[\\']/g, '\\$&')}'`;
}

/**
 * A pattern as a search value: `*` is the only wildcard and cannot be escaped, so a literal `*`, a `?`
 * wildcard or a control character makes it undefined (the rule then needs `| where match()`).
 */
export function searchValue(p: Pattern): string | undefined {
  let out = '';
  for (const part of p) {
    if (typeof part === 'string') {
      if (part.includes('*') || !searchSafe(part)) return undefined;
      out += part;
    } else if (isWildcard(part) && part.wildcard === 'many') out += '*';
    else return undefined;
  }
  return out;
}

/** Escapes literal text for PCRE, writing control characters as escapes. */
export function pcreLiteral(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\/#\s-]/g, (c) => {
      if (c === ' ') return ' ';
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      if (/\s/.test(c)) return `\\x{${c.codePointAt(0)?.toString(16)}}`;
      return `\\${c}`;
    })
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x{${c.charCodeAt(0).toString(16)}}`);
}

/** A pattern as an unanchored-where-possible PCRE: `^x\z` exact, `x` for `*x*`; `\z` because PCRE `$` also matches before a final newline. */
export function patternPcre(p: Pattern): string {
  const lead = isMany(p[0]);
  const trail = p.length > 1 && isMany(p[p.length - 1]);
  const inner = p.slice(lead ? 1 : 0, trail ? p.length - 1 : p.length);
  const body = inner
    .map((part) => {
      if (typeof part === 'string') return pcreLiteral(part);
      if (isWildcard(part)) return part.wildcard === 'many' ? '[\\s\\S]*' : '[\\s\\S]';
      return '';
    })
    .join('');
  if (lead && p.length === 1) return '';
  return `${lead ? '' : '^'}${body}${trail ? '' : '\\z'}`;
}

/** Inline PCRE flags: `(?i)`, `(?ms)`... */
export function pcreFlags(flags: RegexFlags): string {
  const f = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}`;
  return f ? `(?${f})` : '';
}

/** A Sigma timespan in the largest whole SPL unit: `300000` -> `5m`. */
export function splSpan(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  for (const [unit, n] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (s % n === 0) return `${s / n}${unit}`;
  }
  return `${s}s`;
}
