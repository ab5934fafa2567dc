/** Parses the text of one rule file into Sigma documents and IR rules (no cross-rule resolution yet). */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { buildRule } from '../ir/build.js';
import { readDocument } from '../sigma/document.js';
import { decodeRuleBytes } from '../sigma/text.js';
import { parseYaml } from '../sigma/yaml.js';
import type { RuleEntry } from './types.js';

/** Parses rule text (one file, any number of documents). */
export function parseRuleText(file: string, text: string, diagnostics: Diagnostic[]): RuleEntry[] {
  const yaml = parseYaml(file, text);
  diagnostics.push(...yaml.diagnostics);
  if (yaml.documents.length === 0 && yaml.diagnostics.length === 0) {
    diagnostics.push(report('empty-file', file, undefined, 'file holds no YAML document, so no rule'));
  }
  const entries: RuleEntry[] = [];
  for (const doc of yaml.documents) {
    const { document, diagnostics: docDiagnostics } = readDocument(doc);
    diagnostics.push(...docDiagnostics);
    if (!document) continue;
    const ruleDiagnostics: Diagnostic[] = [];
    const rule = buildRule(document, ruleDiagnostics);
    diagnostics.push(...ruleDiagnostics);
    entries.push(Object.freeze({ document, rule }));
  }
  return entries;
}

/** Parses the bytes of a rule file, handling encodings and binary content. */
export function parseRuleBytes(file: string, bytes: Uint8Array, diagnostics: Diagnostic[]): RuleEntry[] {
  const decoded = decodeRuleBytes(file, bytes);
  diagnostics.push(...decoded.diagnostics);
  return decoded.text === undefined ? [] : parseRuleText(file, decoded.text, diagnostics);
}
