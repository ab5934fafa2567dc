/**
 * A quick syntactic test for regexes that RE2 certainly accepts, so that loading a rule set does not run
 * RE2's full compiler (parser, simplifier and program builder: about half a millisecond per pattern on a
 * cold start) for the plain patterns rules are made of. It recognises a conservative subset both engines
 * read alike — literals, `.`, `^`, `$`, `|`, plain and `(?:` groups, the usual quantifiers with small
 * counts, character classes of single characters and ranges, and escapes of punctuation, `\d\w\s\b`, their
 * negations, control escapes and `\xHH`. Anything else (lookaround, backreferences, named groups, `\u`,
 * `\p`, nested classes, astral characters...) answers false, and the caller runs RE2 itself. A false
 * answer only means "not sure"; a true answer must never be wrong (property-tested against re2js).
 */

/** Escapes that mean one character in both engines: punctuation and control characters. */
const SINGLE_ESCAPES = new Set([...'\\.*+?()[]{}|^$/-:=!,#\'"<>@%&~; ', 't', 'n', 'r', 'f', 'v']);
/** Escapes for classes of characters, allowed inside and outside brackets. */
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
/** A counted repetition RE2 accepts: `{n}`, `{n,}` or `{n,m}`. */
const COUNTED = /^\{(\d{1,4})(?:(,)(\d{1,4})?)?\}/;
/** RE2 rejects repetition counts (nested ones multiplied) above 1000. */
const MAX_REPEAT = 1000;

/** True when RE2 is sure to compile this pattern (which must already compile as a JavaScript RegExp). */
export function isPortableRegex(source: string): boolean {
  /** Per open group: the largest repetition product inside it so far. */
  const groups = [1];
  /** The product inside the group that just closed, which a quantifier right after it multiplies. */
  let closed = 1;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const code = source.charCodeAt(i);
    let after = 1;
    if (code >= 0xd800 && code <= 0xdfff) return false; // astral or lone surrogate: engines count differently
    if (c === '\\') {
      const n = escapeLength(source, i, false);
      if (n === 0) return false;
      i += n;
    } else if (c === '[') {
      const n = classLength(source, i);
      if (n === 0) return false;
      i += n;
    } else if (c === '(') {
      if (source[i + 1] === '?' && source[i + 2] !== ':') return false;
      groups.push(1);
      i += source[i + 1] === '?' ? 3 : 1;
    } else if (c === ')') {
      after = groups.pop() ?? 1;
      if (groups.length === 0) return false;
      groups[groups.length - 1] = Math.max(groups[groups.length - 1], after);
      i++;
    } else if (c === '{') {
      const m = COUNTED.exec(source.slice(i, i + 12));
      if (!m) return false;
      const min = Number(m[1]);
      const max = m[2] ? (m[3] === undefined ? min : Number(m[3])) : min;
      const product = closed * Math.max(min, max, 1);
      if (product > MAX_REPEAT) return false;
      groups[groups.length - 1] = Math.max(groups[groups.length - 1], product);
      i += m[0].length;
    } else if (c === ']' || c === '}') return false;
    else i++;
    closed = after;
  }
  return true;
}

/** Length of the escape at `i` when it is in the subset, else 0. Inside a class, `\b` (backspace) is out. */
function escapeLength(source: string, i: number, inClass: boolean): number {
  const e = source[i + 1];
  if (e === undefined) return 0;
  if (SINGLE_ESCAPES.has(e) || CLASS_ESCAPES.has(e)) return 2;
  if (!inClass && (e === 'b' || e === 'B')) return 2;
  if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(i + 2, i + 4))) return 4;
  return 0;
}

/**
 * Length of the bracket class at `i` when it is in the subset, else 0: not empty, no `[` inside, and a `-`
 * only first, last, or between two single characters.
 */
function classLength(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  const first = i;
  /** Whether the item before a `-` was one character (a range can start there). */
  let single = false;
  while (i < source.length && source[i] !== ']') {
    const c = source[i];
    const code = source.charCodeAt(i);
    if (c === '[' || (code >= 0xd800 && code <= 0xdfff)) return 0;
    if (c === '\\') {
      const n = escapeLength(source, i, true);
      if (n === 0) return 0;
      single = !CLASS_ESCAPES.has(source[i + 1]);
      i += n;
    } else if (c === '-' && i > first && source[i + 1] !== ']') {
      const next = source[i + 1];
      if (!single || next === undefined || next === '[' || next === '-') return 0;
      if (next === '\\') {
        const n = escapeLength(source, i + 1, true);
        if (n === 0 || CLASS_ESCAPES.has(source[i + 2])) return 0;
        i += 1 + n;
      } else i += 2;
      single = false;
    } else {
      single = true;
      i++;
    }
  }
  if (i >= source.length || i === first) return 0;
  return i + 1 - start;
}
