/** Small readers shared by checks: metadata values with spans, dates, UUIDs, tags, searches and conditions. */
import type { Span } from '../core/diagnostic.js';
import type { RuleEntry } from '../ruleset/types.js';
import { type ConditionNode, parseCondition } from '../sigma/condition.js';
import { readConditions, readSearches } from '../sigma/document.js';
import type { RawCondition, Search, SearchItem, SigmaDocument } from '../sigma/types.js';
import { nodeAt, nodeSpan, spanOf } from '../sigma/yaml.js';

/** RFC 4122 textual form, any version. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID string. */
export function isUuid(v: unknown): boolean {
  return typeof v === 'string' && UUID.test(v);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The value of a top-level key as written (dates stay strings with the core YAML schema). */
export function topValue(entry: RuleEntry, key: string): unknown {
  const v = entry.document.data[key];
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

/** True when a top-level key holds a non-empty value. */
export function hasValue(entry: RuleEntry, key: string): boolean {
  const v = entry.document.data[key];
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

/** Span of a top-level key's value (or of the key with `key: true`). */
export function valueSpan(entry: RuleEntry, path: readonly (string | number)[], key = false): Span {
  return spanOf(entry.document.yaml, path, key);
}

/** Span of the rule's first key: where "the rule lacks X" is reported. */
export function headSpan(doc: SigmaDocument): Span {
  const root = doc.yaml.root;
  if (root.kind === 'map' && root.pairs.length > 0) return nodeSpan(doc.yaml.lines, root.pairs[0].key);
  return { line: doc.span.line, column: doc.span.column, endLine: doc.span.line, endColumn: doc.span.column };
}

/** A list-valued top-level key's items as strings, each with its index. */
export function listItems(entry: RuleEntry, key: string): { value: string; index: number }[] {
  const v = entry.document.data[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((x, index) => (typeof x === 'string' || typeof x === 'number' ? [{ value: String(x), index }] : []));
}

/** Reports every repeated item of a list-valued key, at the repeat. */
export function duplicatesIn(entry: RuleEntry, key: string, normalise: (s: string) => string = (s) => s) {
  const seen = new Map<string, number>();
  const out: { value: string; index: number; first: number }[] = [];
  for (const item of listItems(entry, key)) {
    const k = normalise(item.value);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, item.index);
    else out.push({ ...item, first });
  }
  return out;
}

/** The searches of a detection or filter document. */
export function searchesOf(doc: SigmaDocument): readonly Search[] {
  if (doc.kind === 'detection') return doc.searches;
  return doc.kind === 'filter' ? readSearches(doc.yaml, [], 'filter') : [];
}

/** Every field item of every search, with its search. */
export function itemsOf(doc: SigmaDocument): { search: Search; item: SearchItem }[] {
  return searchesOf(doc).flatMap((search) =>
    search.alternatives.flatMap((alt) => alt.map((item) => ({ search, item }))),
  );
}

/** The conditions of a detection or filter document, parsed; those that do not parse are left out. */
export function conditionsOf(doc: SigmaDocument): { raw: RawCondition; ast: ConditionNode }[] {
  const raws =
    doc.kind === 'detection'
      ? doc.conditions
      : doc.kind === 'filter'
        ? readConditions(doc.yaml, ['filter', 'condition'], [])
        : [];
  return raws.flatMap((raw) => {
    const parsed = parseCondition(raw.text);
    return parsed.ok ? [{ raw, ast: parsed.ast }] : [];
  });
}

/** Every node of a condition tree, depth-first. */
export function conditionNodes(ast: ConditionNode): ConditionNode[] {
  const out: ConditionNode[] = [];
  const stack = [ast];
  while (stack.length > 0) {
    const n = stack.pop() as ConditionNode;
    out.push(n);
    if (n.kind === 'not') stack.push(n.operand);
    else if (n.kind === 'and' || n.kind === 'or') stack.push(...[...n.operands].reverse());
  }
  return out;
}

/** True for a scalar YAML node written in quotes. */
export function isQuoted(entry: RuleEntry, path: readonly (string | number)[]): boolean {
  const node = nodeAt(entry.document.yaml, path);
  return node?.kind === 'scalar' && node.quoted;
}

/** A quantifier target with wildcards (`selection_*`): written so searches can be added, unlike `them` or a name. */
export function isGrowablePattern(target: string): boolean {
  return target !== 'them' && /[*?]/.test(target);
}
