/**
 * Compiles the children of an `or` node, merging long value lists: Sigma rules often list dozens or hundreds
 * of values for one field (`CommandLine|contains: [...]`). Such a list becomes one multi-literal test (a
 * gram table for substrings, a set for whole values) that reads each value once, instead of one pass per
 * literal. The remaining children compile one by one.
 */
import { patternShape, positionPattern } from '../ir/pattern.js';
import type { CidrMatch, Expr, StringMatch } from '../ir/types.js';
import { GramTable } from './grams.js';
import { compileCidrList, type Predicate } from './leaves.js';
import type { EventView } from './view.js';

/** Lists shorter than this compile literal by literal (the native string methods are faster). */
const MIN_GROUP = 4;

type Kind = 'contains' | 'exact';

const NON_ASCII = /[^\x00-\x7f]/;

/** Splits the children of an `or` into merged list predicates and the children left to compile. */
export function groupOr(children: readonly Expr[]): { merged: Predicate[]; rest: Expr[] } {
  const groups = new Map<string, { field: string | null; cased: boolean; kind: Kind; texts: string[] }>();
  const members = new Map<string, Expr[]>();
  for (const c of children) {
    const k = c.kind === 'string' ? groupKind(c) : undefined;
    if (c.kind !== 'string' || !k) continue;
    const key = `${c.field ?? '\u0000'}\u0000${c.cased}\u0000${k.kind}`;
    const g = groups.get(key) ?? { field: c.field, cased: c.cased, kind: k.kind, texts: [] };
    g.texts.push(c.cased ? k.text : k.text.toLowerCase());
    groups.set(key, g);
    members.set(key, [...(members.get(key) ?? []), c]);
  }
  const merged: Predicate[] = [];
  const grouped = new Set<Expr>();
  for (const [key, g] of groups) {
    if (g.texts.length < MIN_GROUP) continue;
    for (const m of members.get(key) ?? []) grouped.add(m);
    merged.push(listPredicate(g.field, g.cased, g.kind, g.texts));
  }
  mergeCidrs(children, merged, grouped);
  return { merged, rest: children.filter((c) => !grouped.has(c)) };
}

/** CIDR tests of one field (two or more) become one test that parses each value once. */
function mergeCidrs(children: readonly Expr[], merged: Predicate[], grouped: Set<Expr>): void {
  const byField = new Map<string, CidrMatch[]>();
  for (const c of children) if (c.kind === 'cidr') byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const [field, list] of byField) {
    if (list.length < 2) continue;
    for (const c of list) grouped.add(c);
    merged.push(
      compileCidrList(
        field,
        list.map((c) => c.network),
      ),
    );
  }
}

/** Whether a string match can join a list: a plain substring or whole-value literal. */
function groupKind(c: StringMatch): { kind: Kind; text: string } | undefined {
  const shape = patternShape(c.field === null ? positionPattern(c.pattern, 'contains') : c.pattern);
  if (shape.kind === 'contains' && shape.text !== '') return { kind: 'contains', text: shape.text };
  if (shape.kind === 'exact' && c.field !== null) return { kind: 'exact', text: shape.text };
  return undefined;
}

function listPredicate(field: string | null, cased: boolean, kind: Kind, texts: string[]): Predicate {
  let test: (s: string) => boolean;
  if (kind === 'exact') {
    const set = new Set(texts);
    test = (s) => set.has(s);
  } else {
    const table = new GramTable(texts.map((text, id) => ({ text, id })));
    // Lists of non-ASCII literals (emoji, homoglyphs) cannot occur in pure-ASCII values, which most are;
    // a regex scan for any non-ASCII character rejects those far faster than the gram table.
    test = texts.every((t) => NON_ASCII.test(t)) ? (s) => NON_ASCII.test(s) && table.has(s) : (s) => table.has(s);
  }
  const values: (v: EventView) => readonly string[] =
    field === null
      ? cased
        ? (v) => v.allStrings()
        : (v) => v.allLower()
      : cased
        ? (v) => v.strings(field)
        : (v) => v.lower(field);
  if (field !== null && !cased) {
    return (v) => {
      const t = v.lowerText(field);
      if (t !== undefined) return test(t);
      const xs = v.lower(field);
      for (let i = 0; i < xs.length; i++) if (test(xs[i])) return true;
      return false;
    };
  }
  return (v) => {
    const xs = values(v);
    for (let i = 0; i < xs.length; i++) if (test(xs[i])) return true;
    return false;
  };
}
