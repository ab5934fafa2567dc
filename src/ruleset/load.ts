/**
 * Loads a rule set. Consumes files, folders or in-memory texts; produces a `RuleSet`: IR rules with
 * filters applied, correlation references checked, duplicate ids reported. One bad file never stops the
 * rest; everything wrong is a diagnostic.
 */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule, FilterRule } from '../ir/types.js';
import { findRuleFiles, readBytes } from './files.js';
import { applyFilters } from './filters.js';
import { parseRuleBytes, parseRuleText } from './parse.js';
import type { RuleEntry, RuleSet } from './types.js';

/** Files read concurrently while loading. */
const READ_BATCH = 64;

/** Loads every rule file under the given files and folders. */
export async function loadRules(paths: readonly string[]): Promise<RuleSet> {
  const diagnostics: Diagnostic[] = [];
  const files = await findRuleFiles(paths, diagnostics);
  const entries: RuleEntry[] = [];
  // Reads run ahead in small batches while parsing stays in file order, so diagnostics are deterministic.
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = files.slice(i, i + READ_BATCH);
    const read = await Promise.all(batch.map(async (f) => ({ f, bytes: await readBytes(f, []) })));
    for (const { f, bytes } of read) {
      if (bytes) entries.push(...parseRuleBytes(f, bytes, diagnostics));
      else await readBytes(f, diagnostics);
    }
  }
  return assembleRuleSet(files, entries, diagnostics);
}

/** Loads rules from in-memory texts keyed by file name (used by tests, the browser and the playground). */
export function loadRuleTexts(texts: Readonly<Record<string, string>>): RuleSet {
  const diagnostics: Diagnostic[] = [];
  const files = Object.keys(texts);
  const entries = files.flatMap((f) => parseRuleText(f, texts[f], diagnostics));
  return assembleRuleSet(files, entries, diagnostics);
}

/** Cross-checks entries (ids, references) and applies filters. */
export function assembleRuleSet(
  files: readonly string[],
  entries: readonly RuleEntry[],
  diagnostics: Diagnostic[],
): RuleSet {
  checkDuplicateIds(entries, diagnostics);
  const rules = entries.map((e) => e.rule).filter((r) => r !== undefined);
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

function checkDuplicateIds(entries: readonly RuleEntry[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, RuleEntry>();
  for (const e of entries) {
    const id = e.rule?.meta.id;
    if (!id) continue;
    const first = seen.get(id);
    if (first) {
      const where = `${first.document.file}:${first.rule?.origin.span.line}`;
      diagnostics.push(
        report(
          'duplicate-id',
          e.document.file,
          e.rule?.origin.span,
          `id ${id} is also used by ${where}; give this rule a new UUID`,
        ),
      );
    } else seen.set(id, e);
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
