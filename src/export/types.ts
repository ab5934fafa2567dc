/**
 * Types of the export stage: a platform is a small table (target, pipelines, limits) plus a writer that turns
 * converted rules into deployable files. Writers are pure: they return file contents; the CLI writes them.
 */
import type { Conversion } from '../backends/convert.js';
import type { Dialect } from '../backends/types.js';
import type { CorrelationRule, DetectionRule, Logsource } from '../ir/types.js';
import type { PipelineSpec, Scope } from '../pipelines/types.js';
import type { AttackIndex } from './attack.js';

/** One file of an export, path relative to the output folder. */
export interface ExportFile {
  readonly path: string;
  readonly content: string;
}

/** Why a rule was not exported: the conversion failed, or a platform limit is exceeded. */
export interface Skipped {
  readonly id: string | undefined;
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `unsupported` (the query language cannot express it) or the name of the violated limit. */
  readonly limit: string;
  readonly reason: string;
}

/** Options common to every platform. */
export interface ExportOptions {
  /** How often the rule runs: `5m`, `1h`, `1d`. */
  readonly schedule: string;
  /** How far back each run looks: `10m`. */
  readonly lookback: string;
  /** ATT&CK names, or undefined (ids only). */
  readonly attack: AttackIndex | undefined;
  /** Fixed clock for reproducible output (dates in metadata); ISO date `YYYY-MM-DD`. */
  readonly today: string;
}

/** One rule ready to write: its IR, its query for the platform and what the pipelines made of it. */
export interface ExportRule {
  readonly rule: DetectionRule | CorrelationRule;
  readonly conversion: Conversion;
  readonly query: string;
  /** Target field names the rule reads (detection fields after the pipelines; group-by for correlations). */
  readonly fields: readonly string[];
  /** The rule's `fields:` (or a correlation's group-by) as `[Sigma name, target column]`. */
  readonly outputFields: readonly (readonly [string, string])[];
  /** The log source (for correlations: of the first referenced rule). */
  readonly logsource: Logsource | undefined;
  /** A Sigma field's target name in the rule's log source (for correlations: of the first referenced rule). */
  readonly mapField: (field: string) => string;
  /** The pipelines' table or index for the rule (for correlations: of the first referenced rule). */
  readonly scope: Scope | undefined;
  /** The `also` queries by target name: the query, or why it could not be converted. */
  readonly extra: Readonly<Record<string, { readonly query: string } | { readonly reason: string }>>;
  /** A stable identifier made from the title (for file and stanza names). */
  readonly slug: string;
}

/** A limit violation found by a writer: the rule is skipped with this reason. */
export interface LimitError {
  readonly limit: string;
  readonly reason: string;
}

/** What a writer returns for one rule: files (and entries for shared files), or the limit it breaks. */
export type RuleOutput<T> = { readonly ok: T } | { readonly error: LimitError };

/** The query a platform asks for: a target name and the pipelines used unless the user names others. */
export interface QueryChoice {
  readonly target: string;
  /** A dialect that is not a CLI target (e.g. Cloud SIEM rule expressions); `target` is then its name. */
  readonly dialect?: Dialect;
  /** Convert a correlation's single referenced rule alone (for platforms that aggregate it themselves). */
  readonly base?: boolean;
  readonly pipelines: readonly string[];
}

/** An export platform: which query targets it takes, and the writer. */
export interface Platform {
  /** CLI name: `--to sentinel`. */
  readonly name: string;
  readonly title: string;
  /**
   * Targets to try in order for a rule (the first that converts is used), e.g. Elastic prefers EQL for
   * single events and ES|QL for aggregations. Empty for platforms that need no query (navigator).
   */
  readonly queries: (rule: DetectionRule | CorrelationRule) => readonly QueryChoice[];
  /** Writes every exportable rule; returns the files and the rules it had to skip. */
  /** Further queries a platform writes beside the main one (by target name in `ExportRule.extra`). */
  readonly also?: (rule: DetectionRule | CorrelationRule) => readonly QueryChoice[];
  readonly write: (rules: readonly ExportRule[], options: ExportOptions) => ExportResult;
}

/** The files of one export and the rules left out. */
export interface ExportResult {
  readonly files: readonly ExportFile[];
  /** How many rules were written (set by `exportRuleSet`). */
  readonly exported?: number;
  readonly skipped: readonly Skipped[];
}

/** Resolved pipelines by name, for platforms. */
export type PipelineLookup = (name: string) => PipelineSpec | undefined;
