/**
 * Sigma string patterns: parsing the escaped Sigma form, building and inspecting patterns. Pure functions
 * over the frozen `Pattern` type of ir/types.ts; shared by every backend and the engine.
 */
import type { Pattern, PatternPart, Placeholder, Wildcard } from './types.js';

/** The `*` wildcard. */
export const MANY: Wildcard = Object.freeze({ wildcard: 'many' });
/** The `?` wildcard. */
export const ONE: Wildcard = Object.freeze({ wildcard: 'one' });

/** True for a wildcard part. */
export function isWildcard(p: PatternPart): p is Wildcard {
  // The constants first: patterns built here hold no other wildcards, and `in` is the slow test.
  return p === MANY || p === ONE || (typeof p === 'object' && 'wildcard' in p);
}

/** True for the `*` wildcard (a missing part, past either end, is not). */
export function isMany(p: PatternPart | undefined): p is Wildcard {
  return p !== undefined && isWildcard(p) && p.wildcard === 'many';
}

/** True for a placeholder part. */
export function isPlaceholder(p: PatternPart): p is Placeholder {
  return typeof p === 'object' && p !== MANY && p !== ONE && 'placeholder' in p;
}

/** Builds a pattern, merging adjacent literals, dropping empty ones and collapsing `**`. */
export function pattern(parts: readonly PatternPart[]): Pattern {
  const out: PatternPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const last = out[out.length - 1];
    if (typeof p === 'string') {
      if (p === '') continue;
      if (typeof last === 'string') out[out.length - 1] = last + p;
      else out.push(p);
    } else if (p === MANY || (p !== ONE && isWildcard(p) && p.wildcard === 'many')) {
      if (last !== MANY) out.push(MANY); // `out` holds only the MANY and ONE constants as wildcards
    } else out.push(p === ONE || isWildcard(p) ? ONE : Object.freeze({ placeholder: p.placeholder }));
  }
  // A copy of exactly its length: `out` grew by push, with room for 16 parts, and patterns are kept.
  return Object.freeze(out.slice());
}

/**
 * Parses a Sigma string value: `*` and `?` are wildcards, `\*` `\?` `\\` escapes; a lone `\` is literal.
 * With `placeholders`, `%name%` becomes a placeholder (the `expand` modifier).
 */
export function parseSigmaString(text: string, placeholders = false): Pattern {
  const parts: PatternPart[] = [];
  // Literal text is taken in runs (slices) rather than a character at a time: `lit` holds what was
  // unescaped so far, `from` where the current run started.
  let lit = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        lit += text.slice(from, i) + next;
        i++;
        from = i + 1;
      }
    } else if (c === '*' || c === '?') {
      parts.push(lit + text.slice(from, i), c === '*' ? MANY : ONE);
      lit = '';
      from = i + 1;
    } else if (c === '%' && placeholders) {
      const end = text.indexOf('%', i + 1);
      const name = end > i ? text.slice(i + 1, end) : '';
      if (/^[\w.-]+$/.test(name)) {
        parts.push(lit + text.slice(from, i), { placeholder: name });
        lit = '';
        i = end;
        from = end + 1;
      }
    }
  }
  parts.push(lit + text.slice(from));
  return pattern(parts);
}

/** Writes a pattern back in Sigma's escaped string form. */
export function formatSigmaString(p: Pattern): string {
  return p
    .map((part) => {
      if (typeof part === 'string') return escapeSigmaLiteral(part);
      if (isWildcard(part)) return part.wildcard === 'many' ? '*' : '?';
      return `%${part.placeholder}%`;
    })
    .join('');
}

/** Escapes literal text for a Sigma string: wildcards always, backslashes where they precede one or end the value. */
export function escapeSigmaLiteral(text: string): string {
  return text.replace(/\\(?=[*?\\]|$)/g, '\\\\').replace(/[*?]/g, '\\$&');
}

/** The shape of a pattern that most query languages have a dedicated operator for. */
export type PatternShape =
  | { readonly kind: 'exact' | 'prefix' | 'suffix' | 'contains'; readonly text: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'wildcard' };

/**
 * Classifies a pattern: exact text, `text*`, `*text`, `*text*`, `*` (anything), or a general wildcard
 * pattern. Backends pick operators from this (e.g. KQL `startswith`, SQL `LIKE`).
 */
export function patternShape(p: Pattern): PatternShape {
  // One pass without allocation: this runs for every value of every rule in every backend.
  let text: string | undefined;
  let literals = 0;
  for (const part of p) {
    if (typeof part === 'string') {
      text = part;
      literals++;
    } else if (!isWildcard(part)) return { kind: 'wildcard' };
    else if (part.wildcard === 'one') return p.length === 1 ? { kind: 'any' } : { kind: 'wildcard' };
  }
  if (literals === p.length) return { kind: 'exact', text: p.join('') };
  if (literals > 1) return { kind: 'wildcard' };
  if (text === undefined) return { kind: 'any' };
  const first = typeof p[0] !== 'string';
  const last = typeof p[p.length - 1] !== 'string';
  if (first && last) return { kind: 'contains', text };
  return first ? { kind: 'suffix', text } : { kind: 'prefix', text };
}

/** The literal text of a pattern without wildcards, or undefined when it has any. */
export function literalText(p: Pattern): string | undefined {
  return p.every((x) => typeof x === 'string') ? (p as string[]).join('') : undefined;
}

/** Wraps a pattern for the contains/startswith/endswith modifiers. */
export function positionPattern(p: Pattern, position: 'contains' | 'startswith' | 'endswith' | undefined): Pattern {
  if (position === undefined) return p;
  // `p` is already a built pattern, so only its ends can meet the added `*`.
  const head = position !== 'startswith' && !isMany(p[0]);
  const tail = position !== 'endswith' && !isMany(p[p.length - 1]);
  if (p.length === 0) return Object.freeze([MANY]);
  if (!head && !tail) return p;
  // concat allocates exactly the result's length (patterns are kept).
  const start: PatternPart[] = head ? [MANY] : [];
  return Object.freeze(start.concat(p, tail ? [MANY] : []));
}

/** Converts a pattern to an anchored JS regular expression source (for engines and regex-only targets). */
export function patternToRegexSource(p: Pattern): string {
  const body = p
    .map((part) => {
      if (typeof part === 'string') return part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      if (isWildcard(part)) return part.wildcard === 'many' ? '[\\s\\S]*' : '[\\s\\S]';
      return `%${part.placeholder}%`;
    })
    .join('');
  return `^${body}$`;
}
