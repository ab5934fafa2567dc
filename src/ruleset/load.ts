/**
 * Loads a rule set. Consumes files, folders or in-memory texts; produces a `RuleSet`: IR rules with
 * filters applied, correlation references checked, duplicate ids reported. One bad file never stops the
 * rest; everything wrong is a diagnostic.
 */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule, FilterRule, Rule } from '../ir/types.js';
import { findRuleFiles, readBytes } from './files.js';
import { applyFilters } from './filters.js';
import { parseRuleBytes, parseRuleText } from './parse.js';
import type { ParsedFile, RuleEntry, RuleSet } from './types.js';

/** How much of what was parsed a rule set keeps. */
export interface LoadOptions {
  /**
   * Keep each rule's parsed Sigma document (YAML tree with positions) in `entries`, as `check` needs.
   * Commands that only compile rules (hunt, convert) pass false: the YAML trees are then freed file by
   * file, which roughly halves peak memory on large rule sets; `entries` is empty.
   */
  readonly keepDocuments?: boolean;
}

/** Loads every rule file under the given files and folders. */
export async function loadRules(paths: readonly string[], options: LoadOptions = {}): Promise<RuleSet> {
  const diagnostics: Diagnostic[] = [];
  const files = await findRuleFiles(paths, diagnostics);
  const entries = options.keepDocuments === false ? undefined : [];
  const rules: Rule[] = [];
  for (const f of files) {
    const parsed = loadFile(f, entries);
    rules.push(...parsed.rules);
    diagnostics.push(...parsed.diagnostics);
  }
  return assembleRuleSet(files, entries ?? [], diagnostics, rules);
}

/** Reads and parses one rule file; a file that cannot be read is a diagnostic. See `parseFile`. */
export function loadFile(file: string, entries?: RuleEntry[]): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const bytes = readBytes(file, diagnostics);
  return bytes ? parseFile(file, bytes, entries) : { rules: [], diagnostics };
}

/** Parses one file's bytes; with `entries`, its parsed documents (YAML trees included) are kept there. */
export function parseFile(file: string, bytes: Uint8Array, entries?: RuleEntry[]): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const rules: Rule[] = [];
  for (const entry of parseRuleBytes(file, bytes, diagnostics)) {
    entries?.push(entry);
    if (entry.rule) rules.push(entry.rule);
  }
  return { rules, diagnostics };
}

/** Loads rules from in-memory texts keyed by file name (used by tests, the browser and the playground). */
export function loadRuleTexts(texts: Readonly<Record<string, string>>): RuleSet {
  const diagnostics: Diagnostic[] = [];
  const files = Object.keys(texts);
  const entries = files.flatMap((f) => parseRuleText(f, texts[f], diagnostics));
  return assembleRuleSet(files, entries, diagnostics);
}

/** Cross-checks rules (ids, references) and applies filters; `rules` defaults to the entries' rules. */
export function assembleRuleSet(
  files: readonly string[],
  entries: readonly RuleEntry[],
  diagnostics: Diagnostic[],
  rules: readonly Rule[] = entries.map((e) => e.rule).filter((r) => r !== undefined),
): RuleSet {
  checkDuplicateIds(rules, diagnostics);
  const filters = rules.filter((r): r is FilterRule => r.kind === 'filter');
  const correlations = rules.filter((r): r is CorrelationRule => r.kind === 'correlation');
  const plain = rules.filter((r): r is DetectionRule => r.kind === 'detection');
  const detections = applyFilters(plain, filters, diagnostics);
  checkReferences([...plain, ...correlations], correlations, filters, diagnostics);
  return Object.freeze({
    files: Object.freeze([...files]),
    entries: Object.freeze([...entries]),
    detections: Object.freeze(detections),
    correlations: Object.freeze(correlations),
    filters: Object.freeze(filters),
    diagnostics: Object.freeze([...diagnostics]),
  });
}

function checkDuplicateIds(rules: readonly Rule[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Rule>();
  for (const r of rules) {
    const id = r.meta.id;
    if (!id) continue;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, r);
      continue;
    }
    const where = `${first.origin.file}:${first.origin.span.line}`;
    const msg = `id ${id} is also used by ${where}; give this rule a new UUID`;
    diagnostics.push(report('duplicate-id', r.origin.file, r.origin.span, msg));
  }
}

function checkReferences(
  referable: readonly (DetectionRule | CorrelationRule)[],
  correlations: readonly CorrelationRule[],
  filters: readonly FilterRule[],
  diagnostics: Diagnostic[],
): void {
  const known = new Set<string>();
  for (const r of referable) {
    if (r.meta.id) known.add(r.meta.id);
    if (r.meta.name) known.add(r.meta.name);
  }
  for (const r of [...correlations, ...filters]) {
    for (const ref of r.rules) {
      if (known.has(ref)) continue;
      const msg = `${r.kind} refers to rule '${ref}', which is not among the loaded rules; load it too or fix the id`;
      diagnostics.push(report('unknown-rule-reference', r.origin.file, r.origin.span, msg));
    }
  }
}
