/**
 * Reads the structure of a Sigma document: its kind and, for detection rules, the named searches and
 * conditions with spans. Consumes a YamlDocument; produces a SigmaDocument plus structural diagnostics.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { RawCondition, RawValue, Search, SearchItem, SigmaDocument, SigmaDocumentKind } from './types.js';
import { nodeAt, nodeSpan, spanOf, type YamlDocument } from './yaml.js';

/** Reads one YAML document as a Sigma document, or reports why it is not one. */
export function readDocument(doc: YamlDocument): { document?: SigmaDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data = doc.value;
  const span = spanOf(doc, []);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(
      report('not-a-mapping', doc.file, span, 'this YAML document is not a mapping, so it cannot be a Sigma rule'),
    );
    return { diagnostics };
  }
  const record = data as Record<string, unknown>;
  const kind = documentKind(record);
  if (!kind) {
    const msg = 'document has none of `detection`, `correlation` or `filter`: a Sigma rule needs one of them';
    const missing = 'title' in record ? 'missing-detection' : 'unknown-rule-type';
    diagnostics.push(report(missing, doc.file, span, msg));
    return { diagnostics };
  }
  const searches = kind === 'detection' ? readSearches(doc, diagnostics) : [];
  const conditions = kind === 'detection' ? readConditions(doc, ['detection', 'condition'], diagnostics) : [];
  return { document: { kind, file: doc.file, yaml: doc, data: record, searches, conditions, span }, diagnostics };
}

function documentKind(data: Record<string, unknown>): SigmaDocumentKind | undefined {
  if ('correlation' in data) return 'correlation';
  if ('filter' in data) return 'filter';
  if ('detection' in data) return 'detection';
  return undefined;
}

/** Reads the named searches of `detection` (or of `filter` for filter rules, via `section`). */
export function readSearches(doc: YamlDocument, diagnostics: Diagnostic[], section = 'detection'): Search[] {
  const node = nodeAt(doc, [section]);
  if (!isMap(node)) {
    const what = node ? 'is not a mapping of named searches' : 'is missing';
    diagnostics.push(report('missing-detection', doc.file, spanOf(doc, [section], true), `\`${section}\` ${what}`));
    return [];
  }
  const searches: Search[] = [];
  for (const pair of node.items as Pair<Node, Node>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (name === 'condition' || name === 'timeframe' || name === 'rules') continue;
    const search = readSearch(doc, name, pair, [section, name], diagnostics);
    if (search) searches.push(search);
  }
  return searches;
}

function readSearch(
  doc: YamlDocument,
  name: string,
  pair: Pair<Node, Node>,
  path: (string | number)[],
  diagnostics: Diagnostic[],
): Search | undefined {
  const nameSpan = nodeSpan(doc.lines, pair.key as Node);
  const value = pair.value;
  const span = value ? nodeSpan(doc.lines, value) : nameSpan;
  if (isMap(value)) return { name, form: 'map', alternatives: [readMap(doc, value, path)], span, nameSpan };
  if (isSeq(value) && value.items.length > 0 && value.items.every((i) => isMap(i))) {
    const alternatives = value.items.map((m, i) => readMap(doc, m as typeof value & Node, [...path, i]));
    return { name, form: 'list-of-maps', alternatives, span, nameSpan };
  }
  if (isSeq(value) && value.items.length > 0 && value.items.every((i) => isScalar(i))) {
    const item = keywordItem(doc, value.items as Scalar[], span, path);
    return { name, form: 'keywords', alternatives: [[item]], span, nameSpan };
  }
  if (isScalar(value) && value.value !== null && typeof value.value !== 'object') {
    const item = keywordItem(doc, [value], span, path);
    return { name, form: 'keywords', alternatives: [[item]], span, nameSpan };
  }
  const msg = `search '${name}' must be a map of fields, a list of such maps, or a list of keywords`;
  diagnostics.push(report('invalid-search', doc.file, span, msg));
  return undefined;
}

function keywordItem(
  doc: YamlDocument,
  scalars: Scalar[],
  span: SearchItem['span'],
  path: (string | number)[],
): SearchItem {
  const values = scalars.map((s) => rawValue(doc, s));
  return { field: null, modifiers: [], key: '', values, isList: scalars.length > 1, keySpan: span, span, path };
}

function readMap(doc: YamlDocument, map: Node, path: (string | number)[]): SearchItem[] {
  if (!isMap(map)) return [];
  return (map.items as Pair<Node, Node>[]).map((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value ?? '') : '';
    const [fieldPart, ...modifiers] = key.split('|');
    const keySpan = nodeSpan(doc.lines, pair.key as Node);
    const valueNode = pair.value;
    const itemPath = [...path, key];
    const span = valueNode ? nodeSpan(doc.lines, valueNode) : keySpan;
    let values: RawValue[];
    let isList = false;
    if (isSeq(valueNode)) {
      isList = true;
      values = valueNode.items.map((n) => rawValue(doc, n as Node));
    } else values = [rawValue(doc, valueNode ?? null, keySpan)];
    const field = fieldPart === '' ? null : fieldPart;
    return { field, modifiers: modifiers.map((m) => m.trim()), key, values, isList, keySpan, span, path: itemPath };
  });
}

function rawValue(doc: YamlDocument, node: Node | null, fallback?: SearchItem['span']): RawValue {
  const span = node ? nodeSpan(doc.lines, node) : (fallback ?? spanOf(doc, []));
  if (node && isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      return { value: v, span };
    if (typeof v === 'bigint') return { value: Number(v), span };
    return { value: String(v), span };
  }
  if (node === null) return { value: null, span };
  return { value: JSON.stringify(node.toJSON()), span };
}

/** Reads a condition given as a string or a list of strings. */
export function readConditions(doc: YamlDocument, path: string[], diagnostics: Diagnostic[]): RawCondition[] {
  const node = nodeAt(doc, path);
  const parentMissing = !nodeAt(doc, path.slice(0, -1));
  if (!node) {
    if (!parentMissing)
      diagnostics.push(
        report(
          'missing-condition',
          doc.file,
          spanOf(doc, path.slice(0, -1), true),
          'add a `condition:` that combines the named searches',
        ),
      );
    return [];
  }
  const scalars = isSeq(node) ? node.items : [node];
  const out: RawCondition[] = [];
  for (const s of scalars) {
    if (!isScalar(s) || typeof s.value !== 'string') {
      diagnostics.push(
        report('condition-syntax', doc.file, nodeSpan(doc.lines, s as Node), 'a condition must be a string'),
      );
      continue;
    }
    const quoted = s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE' ? 1 : 0;
    out.push({ text: s.value, span: nodeSpan(doc.lines, s), quoteOffset: quoted });
  }
  return out;
}
