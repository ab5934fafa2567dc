/**
 * The complete YAML parser (the `yaml` library): every YAML feature, every syntax error at its position,
 * alias-bomb protection. Used for files the fast path (yaml-fast.ts) declines. Consumes text; produces the
 * positioned tree of yaml-tree.ts plus diagnostics.
 */
import type { Document, Node } from 'yaml';
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { yamlLibrary } from './yaml-lib.js';
import {
  type LineIndex,
  lineIndex,
  type ParsedDocument,
  type Range,
  spanAt,
  type YamlNode,
  type YamlScalar,
} from './yaml-tree.js';

/** Aliases allowed per document before it is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;
/** Nesting followed through aliases before giving up (only a self-referencing alias gets there). */
const MAX_DEPTH = 256;

/** What the complete parser made of a file: documents by index (holes where a document failed). */
export interface PreciseParse {
  readonly documents: readonly ParsedDocument[];
  readonly diagnostics: readonly Diagnostic[];
  readonly lines: LineIndex;
}

/** Parses every document of a file; documents with errors are reported and left out. */
export function parsePrecise(file: string, text: string): PreciseParse {
  const lines = lineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  const parsed = yamlLibrary().parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const check = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
        diagnostics.push(report(check, file, spanAt(lines, e.pos[0], e.pos[1]), `YAML: ${firstLine(e.message)}`));
      }
      return;
    }
    if (doc.contents === null) return;
    try {
      const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      documents.push({ index, root: treeOf(doc, doc.contents), value });
    } catch (err) {
      const [start, end] = rangeOf(doc.contents);
      const span = spanAt(lines, start, end);
      const msg = `YAML aliases expand too far (${firstLine(String((err as Error).message))}); remove the alias chain`;
      diagnostics.push(report('yaml-alias-limit', file, span, msg));
    }
  });
  return { documents, diagnostics, lines };
}

/**
 * The tree of a `yaml` node. Aliases are followed (`toJS` above has already refused alias bombs); a
 * self-referencing alias ends as a null scalar at `MAX_DEPTH`.
 */
function treeOf(doc: Document.Parsed, node: unknown, depth = 0): YamlNode {
  const { isAlias, isMap, isSeq } = yamlLibrary();
  const target = isAlias(node) ? (depth < MAX_DEPTH ? node.resolve(doc) : undefined) : node;
  if (isMap(target)) {
    const pairs = target.items.map((p) => {
      const key = keyOf(p.key);
      const value = p.value === null ? emptyAfter(key) : treeOf(doc, p.value, depth + 1);
      return { key, value };
    });
    return { kind: 'map', pairs, range: collectionRange(target, pairs.at(-1)?.value) };
  }
  if (isSeq(target)) {
    const items = target.items.map((i) => treeOf(doc, i, depth + 1));
    return { kind: 'seq', items, range: collectionRange(target, items.at(-1)) };
  }
  return scalarOf(target ?? node);
}

function scalarOf(node: unknown): YamlScalar {
  if (!yamlLibrary().isScalar(node)) return { kind: 'scalar', value: null, quoted: false, range: rangeOf(node) };
  const v = node.value;
  const value =
    v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? v
      : typeof v === 'bigint'
        ? Number(v)
        : String(v);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return { kind: 'scalar', value, quoted, range: rangeOf(node) };
}

/** A key as a scalar; a complex key (a map or list as key) has the empty string as its text. */
function keyOf(key: unknown): YamlScalar {
  if (yamlLibrary().isScalar(key)) return scalarOf(key);
  return { kind: 'scalar', value: '', quoted: false, range: rangeOf(key) };
}

/** The value of a key written without one (`? key`): an empty scalar where the key ends. */
function emptyAfter(key: YamlScalar): YamlScalar {
  return { kind: 'scalar', value: null, quoted: false, range: [key.range[1], key.range[1]] };
}

/** A flow collection ends at its bracket; a block one where its last value ends (not at the next key). */
function collectionRange(node: Node & { flow?: boolean }, last: YamlNode | undefined): Range {
  const [start, end] = rangeOf(node);
  return node.flow || !last ? [start, end] : [start, last.range[1]];
}

function rangeOf(node: unknown): Range {
  const r = yamlLibrary().isNode(node) ? node.range : undefined;
  return r ? [r[0], r[1]] : [0, 0];
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
