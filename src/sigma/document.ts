/**
 * Reads the structure of a Sigma document: its kind and, for detection rules, the named searches and
 * conditions with spans. Consumes a YamlDocument; produces a SigmaDocument plus structural diagnostics.
 */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { RawCondition, RawValue, Search, SearchItem, SigmaDocument, SigmaDocumentKind } from './types.js';
import { nodeAt, nodeSpan, spanOf, type YamlDocument } from './yaml.js';
import { keyText, type YamlMap, type YamlNode, type YamlPair, type YamlScalar } from './yaml-tree.js';

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
  if (node?.kind !== 'map') {
    const what = node ? 'is not a mapping of named searches' : 'is missing';
    diagnostics.push(report('missing-detection', doc.file, spanOf(doc, [section], true), `\`${section}\` ${what}`));
    return [];
  }
  const searches: Search[] = [];
  for (const pair of node.pairs) {
    const name = keyText(pair.key);
    if (name === 'condition' || name === 'timeframe' || name === 'rules') continue;
    const search = readSearch(doc, name, pair, [section, name], diagnostics);
    if (search) searches.push(search);
  }
  return searches;
}

function readSearch(
  doc: YamlDocument,
  name: string,
  pair: YamlPair,
  path: (string | number)[],
  diagnostics: Diagnostic[],
): Search | undefined {
  const nameSpan = nodeSpan(doc.lines, pair.key);
  const value = pair.value;
  const span = nodeSpan(doc.lines, value);
  if (value.kind === 'map') return { name, form: 'map', alternatives: [readMap(doc, value, path)], span, nameSpan };
  const items = value.kind === 'seq' ? value.items : [];
  if (items.length > 0 && items.every((i) => i.kind === 'map')) {
    const alternatives = items.map((m, i) => readMap(doc, m as YamlMap, [...path, i]));
    return { name, form: 'list-of-maps', alternatives, span, nameSpan };
  }
  if (items.length > 0 && items.every((i) => i.kind === 'scalar')) {
    const item = keywordItem(doc, items as YamlScalar[], span, path);
    return { name, form: 'keywords', alternatives: [[item]], span, nameSpan };
  }
  if (value.kind === 'scalar' && value.value !== null) {
    const item = keywordItem(doc, [value], span, path);
    return { name, form: 'keywords', alternatives: [[item]], span, nameSpan };
  }
  const msg = `search '${name}' must be a map of fields, a list of such maps, or a list of keywords`;
  diagnostics.push(report('invalid-search', doc.file, span, msg));
  return undefined;
}

function keywordItem(
  doc: YamlDocument,
  scalars: readonly YamlScalar[],
  span: SearchItem['span'],
  path: (string | number)[],
): SearchItem {
  const values = scalars.map((s) => rawValue(doc, s));
  return { field: null, modifiers: [], key: '', values, isList: scalars.length > 1, keySpan: span, span, path };
}

function readMap(doc: YamlDocument, map: YamlMap, path: (string | number)[]): SearchItem[] {
  return map.pairs.map((pair) => {
    const key = keyText(pair.key);
    const [fieldPart, ...modifiers] = key.split('|');
    const keySpan = nodeSpan(doc.lines, pair.key);
    const valueNode = pair.value;
    const itemPath = [...path, key];
    const span = nodeSpan(doc.lines, valueNode);
    const isList = valueNode.kind === 'seq';
    const values = valueNode.kind === 'seq' ? valueNode.items.map((n) => rawValue(doc, n)) : [rawValue(doc, valueNode)];
    const field = fieldPart === '' ? null : fieldPart;
    return { field, modifiers: modifiers.map((m) => m.trim()), key, values, isList, keySpan, span, path: itemPath };
  });
}

function rawValue(doc: YamlDocument, node: YamlNode): RawValue {
  const span = nodeSpan(doc.lines, node);
  return { value: node.kind === 'scalar' ? node.value : JSON.stringify(plainOf(node)), span };
}

/** A map or list written where a scalar belongs, as plain JS (its JSON text becomes the value). */
function plainOf(node: YamlNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plainOf);
  return Object.fromEntries(node.pairs.map((p) => [keyText(p.key), plainOf(p.value)]));
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
  const scalars = node.kind === 'seq' ? node.items : [node];
  const out: RawCondition[] = [];
  for (const s of scalars) {
    if (s.kind !== 'scalar' || typeof s.value !== 'string') {
      diagnostics.push(report('condition-syntax', doc.file, nodeSpan(doc.lines, s), 'a condition must be a string'));
      continue;
    }
    out.push({ text: s.value, span: nodeSpan(doc.lines, s), quoteOffset: s.quoted ? 1 : 0 });
  }
  return out;
}
