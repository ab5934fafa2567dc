/**
 * Sigma regexes (RE2 syntax, unanchored search) as Lucene regular expressions, which Elasticsearch uses for
 * `regexp` queries, query-string `/re/`, EQL `regex` and ES|QL `RLIKE`: always anchored to the whole value,
 * no `\d \w \s` shorthands in older engines, no lookaround, backreferences or `\b`, `.` matches newlines
 * (https://www.elastic.co/guide/en/elasticsearch/reference/current/regexp-syntax.html). Shared by the
 * Elastic dialects; `caseFold` spells case-insensitivity as `[aA]` for the targets without a flag for it.
 */
import { isWildcard } from '../ir/pattern.js';
import type { Pattern, RegexFlags } from '../ir/types.js';
import type { Unsupported } from '../pipelines/types.js';

/** Characters Lucene regexes reserve (with the optional operators ES enables by default) plus `/`. */
const RESERVED = new Set([...'.?+*|{}[]()"\\#@&<>~/']);
const WS = ' \t\n\r\f\u000b';
const SHORT: Readonly<Record<string, string>> = { d: '0-9', w: '0-9A-Za-z_', s: WS };
const CONTROL: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\u000b', a: '\u0007' };

/** One character as a Lucene regex atom (escaped; `[aA]` when folding case). */
export function luceneChar(c: string, caseFold: boolean): string {
  const memo = caseFold ? FOLDED_ATOMS : ATOMS;
  let atom = memo.get(c);
  if (atom === undefined) {
    atom = charAtom(c, caseFold);
    memo.set(c, atom);
  }
  return atom;
}

/**
 * Atoms by character, with and without case folding: every letter of every case-insensitive value goes
 * through here, and a rule set uses few distinct characters. (A memo of a pure function: never stale.)
 */
const ATOMS = new Map<string, string>();
const FOLDED_ATOMS = new Map<string, string>();

function charAtom(c: string, caseFold: boolean): string {
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  if (caseFold && lo !== up && lo.length === 1 && up.length === 1) return `[${lo}${up}]`;
  if (!RESERVED.has(c)) return c;
  // A one-character class rather than `\.`: same meaning, and readers that mishandle escapes inside
  // `/.../` (the npm lucene parser) still accept it. `/`, `\\`, `[` and `]` keep their backslash.
  return '/\\[]'.includes(c) ? `\\${c}` : `[${c}]`;
}

/** A Sigma pattern as an anchored Lucene regex (`*` -> `.*`, `?` -> `.`). */
export function patternLuceneRegex(p: Pattern, caseFold: boolean): string {
  let out = '';
  for (const part of p) {
    if (typeof part === 'string') for (const c of part) out += luceneChar(c, caseFold);
    else out += isWildcard(part) && part.wildcard === 'one' ? '.' : '.*';
  }
  return out;
}

class Fail extends Error {}
const fail = (why: string): never => {
  throw new Fail(why);
};

/** Converts a Sigma regex; `caseFold` is honoured only when the flags ask for case-insensitivity. */
export function sigmaToLuceneRegex(source: string, flags: RegexFlags, caseFold: boolean): string | Unsupported {
  try {
    let src = source;
    let ignoreCase = flags.ignoreCase;
    let dotAll = flags.dotAll;
    const lead = /^\(\?([ims]+)\)/.exec(src);
    if (lead) {
      ignoreCase ||= lead[1].includes('i');
      dotAll ||= lead[1].includes('s');
      if (lead[1].includes('m')) flags = { ...flags, multiline: true };
      src = src.slice(lead[0].length);
    }
    const fold = caseFold && ignoreCase;
    const branches = splitTop(src).map((b) => branch(b, fold, dotAll, flags.multiline));
    return branches.length === 1 ? branches[0] : branches.map((b) => `(${b})`).join('|');
  } catch (e) {
    if (e instanceof Fail) return { unsupported: `regex ${JSON.stringify(source)}: ${e.message}` };
    throw e;
  }
}

/** Splits on `|` outside groups and classes. */
function splitTop(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']' || i === start;
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/** One top-level alternative: its own anchors decide the `.*` around it. */
function branch(src: string, fold: boolean, dotAll: boolean, multiline: boolean): string {
  let s = src;
  const startAnchor = /^(\^|\\A)/.exec(s);
  if (startAnchor) s = s.slice(startAnchor[0].length);
  const endAnchor = /(\$|\\z)$/.exec(s);
  const escaped = endAnchor && /(^|[^\\])(\\\\)*\\\$$/.test(s);
  if (endAnchor && !escaped) s = s.slice(0, -endAnchor[0].length);
  const body = convert(s, fold, dotAll);
  // With the m flag an anchor also matches after / before a newline (Lucene `.` matches newlines).
  const open = startAnchor ? (multiline ? '(.*\n)?' : '') : '.*';
  const close = endAnchor && !escaped ? (multiline ? '(\n.*)?' : '') : '.*';
  return `${open}${body}${close}`;
}

function convert(s: string, fold: boolean, dotAll: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const [atom, used] = escapeAt(s, i, fold, false);
      out += atom;
      i += used;
    } else if (c === '[') {
      const [cls, end] = charClass(s, i, fold);
      out += cls;
      i = end;
    } else if (c === '(') {
      const g = /^\((\?:|\?P?<[A-Za-z_]\w*>)?/.exec(s.slice(i)) as RegExpExecArray;
      if (s[i + 1] === '?' && !g[1]) fail('lookaround and inline flag groups have no Lucene form');
      out += '(';
      i += g[0].length - 1;
    } else if (c === '^' || c === '$') fail('anchors inside the expression have no Lucene form');
    else if (c === '.') out += dotAll ? '.' : '[^\n]';
    else if ('*+?'.includes(c)) out += s[i - 1] && '*+?}'.includes(s[i - 1]) && c === '?' ? '' : c;
    else if (c === '{') {
      const q = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
      if (!q) out += luceneChar(c, fold);
      else {
        out += q[0];
        i += q[0].length - 1;
      }
    } else if (c === ')' || c === '|') out += c;
    else out += luceneChar(c, fold);
  }
  return out;
}

/** An escape at s[i] (a backslash); returns the atom and how many extra characters it used. */
function escapeAt(s: string, i: number, fold: boolean, inClass: boolean): [string, number] {
  const e = s[i + 1];
  if (e === undefined) fail('trailing backslash');
  const lower = e.toLowerCase();
  if (lower in SHORT && 'dws'.includes(lower)) {
    const set = SHORT[lower];
    const chars = lower === 's' ? [...set].map((x) => classChar(x)).join('') : set;
    if (inClass) {
      if (e !== lower) fail(`negated shorthand \\${e} inside a character class`);
      return [chars, 1];
    }
    return [`[${e === lower ? '' : '^'}${chars}]`, 1];
  }
  if (e in CONTROL) return [inClass ? classChar(CONTROL[e]) : luceneChar(CONTROL[e], fold), 1];
  const hex = /^x([0-9a-fA-F]{2})|^x\{([0-9a-fA-F]+)\}/.exec(s.slice(i + 1));
  if (hex) {
    const ch = String.fromCodePoint(Number.parseInt(hex[1] ?? hex[2], 16));
    return [inClass ? classChar(ch) : luceneChar(ch, fold), hex[0].length];
  }
  if (/[A-Za-z0-9]/.test(e)) fail(`\\${e} (word boundaries, backreferences, Unicode classes) has no Lucene form`);
  return [inClass ? classChar(e) : luceneChar(e, fold), 1];
}

function classChar(c: string): string {
  return ']\\-^['.includes(c) ? `\\${c}` : c;
}

/** A character class from s[i] = '['; returns the Lucene class and the index of its closing `]`. */
function charClass(s: string, i: number, fold: boolean): [string, number] {
  let j = i + 1;
  let out = '[';
  if (s[j] === '^') {
    out += '^';
    j++;
  }
  const first = j;
  for (; j < s.length; j++) {
    const c = s[j];
    if (c === ']' && j > first) return [`${out}]`, j];
    if (c === '[' && s[j + 1] === ':') fail('POSIX character classes have no Lucene form');
    let atom: string;
    let lit: string | undefined;
    if (c === '\\') {
      const e = s[j + 1];
      const [a, used] = escapeAt(s, j, fold, true);
      atom = a;
      lit = used !== 1 || /^[dws]$/i.test(e) ? undefined : (CONTROL[e] ?? e);
      j += used;
    } else {
      atom = classChar(c);
      lit = c;
    }
    if (s[j + 1] === '-' && s[j + 2] !== ']' && s[j + 2] !== undefined && lit !== undefined) {
      const hi = s[j + 2] === '\\' ? s[j + 3] : s[j + 2];
      out += `${atom}-${classChar(hi)}${fold ? foldRange(lit, hi) : ''}`;
      j += s[j + 2] === '\\' ? 3 : 2;
      continue;
    }
    out += atom + (fold && lit ? foldChar(lit) : '');
  }
  return fail('unterminated character class');
}

function foldChar(c: string): string {
  const other = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  return other !== c && other.length === 1 ? classChar(other) : '';
}

function foldRange(lo: string, hi: string): string {
  const letters = (x: string, y: string) => /[a-z]/.test(x) && /[a-z]/.test(y);
  if (letters(lo, hi)) return `${lo.toUpperCase()}-${hi.toUpperCase()}`;
  if (letters(lo.toLowerCase(), hi.toLowerCase()) && lo === lo.toUpperCase() && hi === hi.toUpperCase())
    return `${lo.toLowerCase()}-${hi.toLowerCase()}`;
  if (/[A-Za-z]/.test(lo + hi)) fail(`range ${lo}-${hi} mixes letters and other characters under case folding`);
  return '';
}
