/** Shapes of a `tripline test` run: one row per rule, one cell per check, and the false-positive figures. */

/** Outcome of one check. `unvalidated`: converted, but no in-process validator for the target. */
export type CheckStatus = 'pass' | 'fail' | 'unsupported' | 'unvalidated' | 'skip';

/** One cell of the matrix. */
export interface CheckResult {
  /** `fire`, `quiet`, `sql-diff`, or a target name (`kql`, `spl`...). */
  readonly check: string;
  readonly status: CheckStatus;
  /** Why: failing scenarios, the unsupported construct, the validator's message, the validator used. */
  readonly detail?: string;
}

/** Alerts a rule raises over the benign background, before and after its tuning filters. */
export interface FalsePositives {
  /** Alerts (detections: matched events; correlations: firings) without tuning. */
  readonly before: number;
  /** Alerts with the rule's tuning filters applied. */
  readonly after: number;
  /** The same per 10,000 background events. */
  readonly beforePer10k: number;
  readonly afterPer10k: number;
  /** True for a building block that only feeds correlations: its matches raise no alert of their own. */
  readonly silent: boolean;
}

/** One rule's results. */
export interface RuleReport {
  readonly file: string;
  readonly id: string | null;
  readonly title: string;
  readonly kind: 'detection' | 'correlation';
  readonly checks: readonly CheckResult[];
  readonly falsePositives: FalsePositives;
}

/** A whole run. */
export interface TestReport {
  readonly seed: number;
  /** Background events the false-positive figures are measured over. */
  readonly backgroundEvents: number;
  /** Check names in matrix column order. */
  readonly columns: readonly string[];
  readonly rules: readonly RuleReport[];
  /** Load diagnostics and reader problems (a non-empty list fails the run). */
  readonly problems: readonly string[];
  /** Number of failed checks plus problems. */
  readonly failures: number;
  readonly durationMs: number;
}
