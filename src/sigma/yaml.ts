/**
 * Parses rule text into YAML documents that remember where every node is. Consumes text; produces one
 * `YamlDocument` per `---` document with its plain JS value and positioned tree, plus positioned syntax
 * diagnostics. Plain files take the fast path (yaml-fast.ts); anything it declines — errors included — is
 * read by the complete parser (yaml-precise.ts), which gives the same tree and reports every problem.
 */
import type { Diagnostic, Span } from '../core/diagnostic.js';
import { parseFast } from './yaml-fast.js';
import { parsePrecise } from './yaml-precise.js';
import { findNode, type LineIndex, lineIndex, nodeSpan, type YamlNode } from './yaml-tree.js';

export { nodeSpan, spanAt, type YamlNode } from './yaml-tree.js';

/** One YAML document of a rule file. */
export interface YamlDocument {
  readonly file: string;
  readonly index: number;
  /** The document as plain JS (maps become objects). */
  readonly value: unknown;
  /** The document's nodes with their positions. */
  readonly root: YamlNode;
  readonly lines: LineIndex;
}

/** A parsed rule file. */
export interface YamlFile {
  readonly file: string;
  readonly documents: readonly YamlDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses every document of a file; documents with syntax errors are reported and left out. */
export function parseYaml(file: string, text: string): YamlFile {
  const fast = parseFast(text);
  if (fast) {
    const lines = lineIndex(text);
    const documents = fast.map((d) => ({ index: d.index, root: d.root, value: d.value, file, lines }));
    return { file, documents, diagnostics: [] };
  }
  const { documents, diagnostics, lines } = parsePrecise(file, text);
  return {
    file,
    documents: documents.map((d) => ({ index: d.index, root: d.root, value: d.value, file, lines })),
    diagnostics,
  };
}

/**
 * The node at a path of keys and indexes, or undefined. With `key: true` the span of the key is given
 * instead of the value, which is where a diagnostic about a misspelt key belongs.
 */
export function nodeAt(doc: YamlDocument, path: readonly (string | number)[], key = false): YamlNode | undefined {
  return findNode(doc.root, path, key);
}

/** The span at a path, falling back to the nearest ancestor that exists. */
export function spanOf(doc: YamlDocument, path: readonly (string | number)[], key = false): Span {
  for (let n = path.length; n >= 0; n--) {
    const node = findNode(doc.root, path.slice(0, n), key && n === path.length);
    if (node) return nodeSpan(doc.lines, node);
  }
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
