/**
 * Compiles a Sigma string pattern into a test over one string. Exact, prefix, suffix and contains
 * patterns use the native string methods; other wildcard patterns use a precompiled segment matcher that
 * runs without backtracking (greedy leftmost placement of each `*`-separated segment is optimal for globs).
 */
import { isMany, isWildcard, patternShape } from '../ir/pattern.js';
import type { Pattern } from '../ir/types.js';

/** A test over one (already case-folded when the match is case-insensitive) string. */
export type StringTest = (s: string) => boolean;

/** One `*`-free run of a pattern: literal code units, with `?` positions marked as -1. */
type Segment = readonly number[] | string;

/** Compiles a pattern; `fold` lower-cases its literals (for case-insensitive matching). */
export function compilePattern(p: Pattern, fold: boolean): StringTest {
  const shape = patternShape(p);
  const f = (t: string): string => (fold ? t.toLowerCase() : t);
  switch (shape.kind) {
    case 'any':
      return () => true;
    case 'exact': {
      const t = f(shape.text);
      return (s) => s === t;
    }
    case 'prefix': {
      const t = f(shape.text);
      return (s) => s.startsWith(t);
    }
    case 'suffix': {
      const t = f(shape.text);
      return (s) => s.endsWith(t);
    }
    case 'contains': {
      const t = f(shape.text);
      return (s) => s.includes(t);
    }
    case 'wildcard':
      return compileGlob(p, f);
  }
}

/** Splits a pattern at `*` into segments; placeholders (never resolved) are kept as literal `%name%`. */
function segments(p: Pattern, f: (t: string) => string): { segs: Segment[]; head: boolean; tail: boolean } {
  const segs: Segment[] = [];
  let cur: (string | null)[] = [];
  const flush = (): void => {
    segs.push(cur.every((x) => x !== null) ? cur.join('') : cur.flatMap(codes));
    cur = [];
  };
  for (const part of p) {
    if (typeof part === 'string') cur.push(f(part));
    else if (isWildcard(part)) {
      if (part.wildcard === 'one') cur.push(null);
      else flush();
    } else cur.push(f(`%${part.placeholder}%`));
  }
  flush();
  const head = !isMany(p[0]);
  const tail = !isMany(p[p.length - 1]);
  return { segs, head, tail };
}

function codes(x: string | null): number[] {
  if (x === null) return [-1];
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) out.push(x.charCodeAt(i));
  return out;
}

function segLength(seg: Segment): number {
  return seg.length;
}

/** True when `seg` matches `s` at position `at`. */
function segAt(s: string, seg: Segment, at: number): boolean {
  if (at < 0 || at + seg.length > s.length) return false;
  if (typeof seg === 'string') return s.startsWith(seg, at);
  for (let i = 0; i < seg.length; i++) if (seg[i] !== -1 && seg[i] !== s.charCodeAt(at + i)) return false;
  return true;
}

/** Leftmost position >= from where `seg` matches, or -1. */
function segFind(s: string, seg: Segment, from: number): number {
  if (typeof seg === 'string') return s.indexOf(seg, from);
  for (let at = from; at + seg.length <= s.length; at++) if (segAt(s, seg, at)) return at;
  return -1;
}

function compileGlob(p: Pattern, f: (t: string) => string): StringTest {
  const { segs, head, tail } = segments(p, f);
  if (segs.length === 1) {
    // No `*` at all: only `?` wildcards, so the length is fixed.
    const only = segs[0];
    return (s) => s.length === segLength(only) && segAt(s, only, 0);
  }
  const first = segs[0];
  const last = segs[segs.length - 1];
  const middle = segs.slice(1, -1);
  const minLen = segs.reduce((n, x) => n + segLength(x), 0);
  return (s) => {
    if (s.length < minLen) return false;
    if (head && !segAt(s, first, 0)) return false;
    const end = s.length - segLength(last);
    if (tail && !segAt(s, last, end)) return false;
    let pos = segLength(first);
    for (const seg of middle) {
      const at = segFind(s, seg, pos);
      if (at < 0 || at + segLength(seg) > end) return false;
      pos = at + segLength(seg);
    }
    return pos <= end;
  };
}
