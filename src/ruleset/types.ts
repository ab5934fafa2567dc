/** The loaded rule set: every document with its IR rule, and what loading found wrong. */
import type { Diagnostic } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule, FilterRule, Rule } from '../ir/types.js';
import type { SigmaDocument } from '../sigma/types.js';

/** One Sigma document and the IR rule built from it (absent when the document is too broken). */
export interface RuleEntry {
  readonly document: SigmaDocument;
  readonly rule: Rule | undefined;
}

/** A loaded, cross-checked rule set. Detection rules already carry the exclusions of matching filters. */
export interface RuleSet {
  readonly files: readonly string[];
  readonly entries: readonly RuleEntry[];
  readonly detections: readonly DetectionRule[];
  readonly correlations: readonly CorrelationRule[];
  readonly filters: readonly FilterRule[];
  readonly diagnostics: readonly Diagnostic[];
}

/** What one rule file parsed to: its IR rules and its diagnostics (a read error included). */
export interface ParsedFile {
  readonly rules: readonly Rule[];
  readonly diagnostics: readonly Diagnostic[];
}
