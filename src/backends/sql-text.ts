/**
 * Target-neutral text helpers of the SQL targets: Sigma patterns as LIKE and GLOB patterns, regex flags,
 * IPv4 networks as exact regular expressions, and the log source scope over the meta columns.
 */
import { isWildcard } from '../ir/pattern.js';
import type { Logsource, Pattern, RegexFlags } from '../ir/types.js';
import { parseIpv4 } from '../ir/validate.js';

/** A pattern as a LIKE pattern with `\` as the escape character (`%` `_` `\` escaped in literals). */
export function likePattern(p: Pattern): string {
  return p
    .map((part) => {
      if (typeof part === 'string') return part.replace(/[\\%_]/g, '\\$&');
      if (isWildcard(part)) return part.wildcard === 'many' ? '%' : '_';
      return `%${part.placeholder}%`;
    })
    .join('');
}

/** A pattern as an SQLite GLOB pattern (`*` `?` `[` in literals become one-character classes). */
export function globPattern(p: Pattern): string {
  return p
    .map((part) => {
      if (typeof part === 'string') return part.replace(/[*?[]/g, '[$&]');
      if (isWildcard(part)) return part.wildcard === 'many' ? '*' : '?';
      return `%${part.placeholder}%`;
    })
    .join('');
}

/** The RE2 inline flag group of a `re` modifier's i/m/s sub-modifiers, or '' when none is set. */
export function inlineRegexFlags(flags: RegexFlags): string {
  const f = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}`;
  return f ? `(?${f})` : '';
}

/** Regex of the fixed-length digit strings from `lo` to `hi` (same length, lo <= hi). */
function digitRange(lo: string, hi: string): string {
  if (lo === hi) return lo;
  const n = lo.length - 1;
  const rest = n > 1 ? `\\d{${n}}` : n === 1 ? '\\d' : '';
  const cls = (a: number, b: number) => (a === b ? String(a) : a === 0 && b === 9 ? '\\d' : `[${a}-${b}]`);
  const [a, b] = [Number(lo[0]), Number(hi[0])];
  if (a === b) return lo[0] + digitRange(lo.slice(1), hi.slice(1));
  if (lo.slice(1) === '0'.repeat(n) && hi.slice(1) === '9'.repeat(n)) return cls(a, b) + rest;
  const parts = [lo[0] + digitRange(lo.slice(1), '9'.repeat(n))];
  if (b - a > 1) parts.push(cls(a + 1, b - 1) + rest);
  parts.push(hi[0] + digitRange('0'.repeat(n), hi.slice(1)));
  return `(?:${parts.join('|')})`;
}

/** Regex of an IPv4 octet written with 1-3 digits (leading zeros allowed) whose value is in [lo, hi]. */
export function octetRegex(lo: number, hi: number): string {
  const alts: string[] = [];
  for (const len of [1, 2, 3]) {
    const max = Math.min(hi, 10 ** len - 1);
    if (lo > max) continue;
    alts.push(digitRange(String(lo).padStart(len, '0'), String(max).padStart(len, '0')));
  }
  return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
}

/**
 * An anchored regex matching exactly the dotted-quad IPv4 addresses inside a network (also written as
 * `::ffff:a.b.c.d`, with surrounding spaces), like the engine's CIDR test; undefined for IPv6 networks.
 */
export function cidrV4Regex(network: string): string | undefined {
  const [addr, bitsText] = network.split('/');
  const ip = parseIpv4(addr);
  if (ip === undefined) return undefined;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const octets: string[] = [];
  for (let i = 0; i < 4; i++) {
    const value = (ip >>> (24 - 8 * i)) & 255;
    const keep = Math.max(0, Math.min(8, bits - 8 * i));
    const free = 255 >> keep;
    const lo = value & ~free & 255;
    octets.push(octetRegex(lo, lo | free));
  }
  return `^\\s*(?:::[fF]{4}:)?${octets.join('\\.')}\\s*$`;
}

/**
 * The events of a rule's log source: each key the rule sets (product, category, service) must equal the
 * event's meta column, case-insensitively (like the engine's routing). Undefined when the rule sets none.
 */
export function logsourceScope(
  ls: Logsource,
  quote: (t: string) => string,
  lower: (x: string) => string,
): string | undefined {
  const parts = (['product', 'category', 'service'] as const)
    .filter((k) => ls[k] !== undefined)
    .map((k) => `${lower(k)} = ${lower(quote(ls[k] as string))}`);
  return parts.length ? parts.join(' AND ') : undefined;
}
