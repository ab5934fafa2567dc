/**
 * Literals a regular expression requires: runs of plain characters that every match must contain, read from
 * the pattern's top level (groups, classes and optional parts break a run; an alternation at the top level,
 * or an escape this reader does not know, gives nothing). Conservative by construction: a run is reported
 * only when each of its characters is matched literally, in order, by every match. Used by require.ts so
 * rules made of regexes get a literal to be indexed by instead of running on every event.
 */

/** Escapes of one character class or assertion: they match no fixed character, so they end a run. */
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'A', 'z', 'n', 'r', 't', 'f', 'v', 'a']);

/** A repetition count `{n}`, `{n,}` or `{n,m}` at the start of the text (anything else is a literal `{`). */
const REPEAT = /^\{(\d+)(,\d*)?\}/;

/**
 * The runs of literal characters every match of `source` contains (in no particular order), or undefined
 * when the pattern has a top-level alternation or a construct this reader does not handle.
 */
export function requiredRuns(source: string): string[] | undefined {
  const runs: string[] = [];
  let run = '';
  const end = (): void => {
    if (run !== '') runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    let lit: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined) return undefined;
      if (/[0-9A-Za-z]/.test(e)) {
        if (!CLASS_ESCAPES.has(e)) return undefined; // \x41, \p{L}, \Q...\E, \1: not read here
      } else lit = e;
      next = i + 2;
    } else if (c === '[') {
      next = classEnd(source, i);
      if (next < 0) return undefined;
    } else if (c === '(') {
      next = groupEnd(source, i);
      if (next < 0) return undefined;
    } else if (c === '|') return undefined;
    else if (c === ')' || c === ']') return undefined;
    else if (c !== '.' && c !== '^' && c !== '$') lit = c;
    const q = quantifier(source, next);
    if (q.min === 0)
      end(); // optional: neither it nor a run across it is required
    else if (lit !== undefined) run += lit;
    else end();
    if (q.repeats) end(); // `ab+c`: `ab` is required, but `c` follows some number of `b`s
    i = q.next;
  }
  end();
  return runs;
}

/** The quantifier (if any) at `at`: how few times the atom before it may occur, and where it ends. */
function quantifier(s: string, at: number): { min: number; repeats: boolean; next: number } {
  const c = s[at];
  let min = 1;
  let repeats = false;
  let next = at;
  if (c === '*' || c === '?' || c === '+') {
    min = c === '+' ? 1 : 0;
    repeats = c !== '?';
    next = at + 1;
  } else if (c === '{') {
    const m = REPEAT.exec(s.slice(at));
    if (m) {
      min = Number(m[1]);
      repeats = m[2] !== undefined || min !== 1;
      next = at + m[0].length;
    }
  }
  if (next > at && (s[next] === '?' || s[next] === '+')) next++; // lazy or possessive form
  return { min, repeats, next };
}

/** Index just past the `]` closing the class opened at `open`, or -1. */
function classEnd(s: string, open: number): number {
  let i = open + 1;
  if (s[i] === '^') i++;
  if (s[i] === ']') i++; // a leading `]` is a literal member
  for (; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '[' && s[i + 1] === ':') {
      const close = s.indexOf(':]', i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (s[i] === ']') return i + 1;
  }
  return -1;
}

/** Index just past the `)` closing the group opened at `open`, or -1. */
function groupEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = classEnd(s, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** True when the pattern turns on case-insensitive matching with an inline flag group (`(?i)`, `(?is)`). */
export function hasInlineIgnoreCase(source: string): boolean {
  return /\(\?[a-zA-Z]*i[a-zA-Z]*(?:\)|:)/.test(source);
}
