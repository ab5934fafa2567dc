/**
 * Derives, from a rule's and/or tree, the literals a matching event must contain: a disjunction of atoms
 * (field + lower-cased substring, or field + number) of which at least one is present in every event the
 * rule matches. An `and` needs any one child's requirement (the most selective is kept); an `or` needs
 * one from every branch; string leaves require their longest literal, regex leaves the longest literal
 * run of the pattern (regex-literals.ts); negations and other leaves require nothing. The literal index uses this
 * to skip rules; it is a necessary condition only, so skipping never changes results.
 */
import { isPlaceholder, patternShape } from '../ir/pattern.js';
import type { Expr, RegexMatch, StringMatch } from '../ir/types.js';
import { hasInlineIgnoreCase, requiredRuns } from './regex-literals.js';

/**
 * A literal a matching event must hold in a field's lower-cased string (field null = any string value):
 * the whole value (`exact`), its end (`suffix`) or anywhere in it (`contains`).
 */
export interface TextAtom {
  readonly kind: 'text';
  readonly field: string | null;
  readonly text: string;
  readonly position: 'exact' | 'suffix' | 'contains';
}

/** A number a matching event's field must equal (numeric value or decimal string). */
export interface NumberAtom {
  readonly kind: 'number';
  readonly field: string;
  readonly value: number;
}

/**
 * A field whose value (as read, not lower-cased) holds a character outside ASCII: what a short or cased
 * non-ASCII literal (an emoji, a homoglyph) needs, as lower-casing never turns ASCII into anything else.
 */
export interface NonAsciiAtom {
  readonly kind: 'nonascii';
  readonly field: string;
}

/** One required literal. */
export type Atom = TextAtom | NumberAtom | NonAsciiAtom;

/** At least one of these atoms must be present in a matching event (empty: the rule never matches). */
export type Requirement = readonly Atom[];

/** Shortest literal used as a substring atom (exact and suffix atoms are hashed, so any length works). */
const MIN_CONTAINS = 4;

interface Scored {
  readonly atoms: Atom[];
  /** Selectivity: the weakest atom's score (longer text is rarer; numbers are weak). */
  readonly score: number;
}

/** The requirement of an expression, or undefined when no literal is known to be required. */
export function requirementOf(e: Expr): Requirement | undefined {
  const r = scored(e);
  return r ? Object.freeze(dedupe(r.atoms)) : undefined;
}

function scored(e: Expr): Scored | undefined {
  switch (e.kind) {
    case 'string':
      return stringAtom(e);
    case 'regex':
      return regexAtom(e);
    case 'number':
      return e.field === null ? undefined : { atoms: [{ kind: 'number', field: e.field, value: e.value }], score: 1 };
    case 'const':
      return e.value ? undefined : { atoms: [], score: Number.POSITIVE_INFINITY };
    case 'and':
      return bestOf(e.children.map(scored));
    case 'or':
      return unionOf(e.children.map(scored));
    default:
      return undefined;
  }
}

function stringAtom(e: StringMatch): Scored | undefined {
  if (e.pattern.some(isPlaceholder)) return undefined;
  let best = '';
  for (const p of e.pattern) if (typeof p === 'string' && p.length > best.length) best = p;
  if (best === '') return undefined;
  // A cased match is found in the raw value; its lower-cased form is only guaranteed in the lower-cased
  // value for ASCII text (Unicode case mappings can depend on context).
  const ascii = /^[\x00-\x7f]*$/.test(best);
  if (!ascii && e.field !== null && (e.cased || best.length < MIN_CONTAINS))
    return { atoms: [{ kind: 'nonascii', field: e.field }], score: 1 };
  if (e.cased && !ascii) return undefined;
  const shape = patternShape(e.pattern);
  // Keywords are searched anywhere; whole-value and suffix positions only hold for a field's own values.
  const position =
    e.field === null ? 'contains' : shape.kind === 'exact' ? 'exact' : shape.kind === 'suffix' ? 'suffix' : 'contains';
  // Substrings shorter than a gram would need extra scanning passes over every value for little selectivity.
  if (position !== 'exact' && best.length < MIN_CONTAINS && !isBasename(best, position)) return undefined;
  const atom: TextAtom = { kind: 'text', field: e.field, text: best.toLowerCase(), position };
  return { atoms: [atom], score: Math.min(best.length, 12) + (position === 'contains' ? 0 : 1) };
}

/**
 * The longest literal every match of a regex holds, as a substring of the lower-cased value. Only ASCII
 * pieces qualify; with case-insensitive matching they are also cut at `s`, whose RE2 case fold includes
 * U+017F (long s), which lower-casing leaves as it is (the fold of `k`, U+212A, lower-cases to `k`).
 */
function regexAtom(e: RegexMatch): Scored | undefined {
  const runs = requiredRuns(e.regex);
  if (runs === undefined) return undefined;
  const fold = e.flags.ignoreCase || hasInlineIgnoreCase(e.regex);
  let best = '';
  for (const run of runs)
    for (const piece of run.split(fold ? /[^\x00-\x7f]|[sS]/ : /[^\x00-\x7f]/))
      if (piece.length > best.length) best = piece;
  if (best.length < MIN_CONTAINS) return undefined;
  const atom: TextAtom = { kind: 'text', field: e.field, text: best.toLowerCase(), position: 'contains' };
  return { atoms: [atom], score: Math.min(best.length, 12) };
}

/** A suffix like `\\a.exe` (one path separator, at the start) is hashed by basename, so any length works. */
function isBasename(text: string, position: TextAtom['position']): boolean {
  const sep = text[0];
  return position === 'suffix' && (sep === '\\' || sep === '/') && text.indexOf(sep, 1) < 0;
}

function bestOf(children: (Scored | undefined)[]): Scored | undefined {
  let best: Scored | undefined;
  for (const c of children) {
    if (!c) continue;
    if (!best || c.score > best.score || (c.score === best.score && c.atoms.length < best.atoms.length)) best = c;
  }
  return best;
}

function unionOf(children: (Scored | undefined)[]): Scored | undefined {
  const atoms: Atom[] = [];
  let score = Number.POSITIVE_INFINITY;
  for (const c of children) {
    if (!c) return undefined;
    atoms.push(...c.atoms);
    score = Math.min(score, c.score);
  }
  return { atoms, score };
}

function dedupe(atoms: readonly Atom[]): Atom[] {
  const seen = new Set<string>();
  return atoms.filter((a) => {
    const key = atomKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A stable key for an atom (field and literal). */
export function atomKey(a: Atom): string {
  if (a.kind === 'nonascii') return `u\u0000${a.field}`;
  return a.kind === 'text'
    ? `t\u0000${a.position}\u0000${a.field ?? '\u0000'}\u0000${a.text}`
    : `n\u0000${a.field}\u0000${a.value}`;
}
