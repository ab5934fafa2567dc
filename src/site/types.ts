/**
 * The catalog's data contract: what `tripline site` writes as JSON (data/index.json, data/rules/<slug>.json,
 * data/attack.json) and what the front-end app in site/ reads. Plain JSON values only.
 */

/** A diagnostic as the catalog shows it (file-relative, 1-based positions). */
export interface SiteDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly check: string;
  readonly message: string;
}

/** Where a rule comes from: tripline's own content (has a `tripline:` block) or a community corpus. */
export type Collection = 'tripline' | 'community';

/** What the index page needs of a rule: searchable and filterable fields. */
export interface RuleSummary {
  readonly slug: string;
  readonly id: string | undefined;
  readonly kind: 'detection' | 'correlation';
  readonly title: string;
  /** Plain-text start of the description for cards and search. */
  readonly summary: string;
  readonly level: string;
  readonly status: string;
  readonly confidence: string;
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
  readonly platforms: readonly string[];
  readonly dataSources: readonly string[];
  readonly collection: Collection;
  readonly file: string;
  readonly date: string;
  readonly author: string;
  readonly tags: readonly string[];
  /** Number of targets with a query (of all registered targets). */
  readonly converted: number;
  readonly errors: number;
}

/** One pipeline choice of a target: the precomputed conversion with it. */
export interface TargetOption {
  readonly label: string;
  readonly pipelines: readonly string[];
  readonly queries: readonly string[];
  readonly errors: readonly SiteDiagnostic[];
  readonly warnings: readonly SiteDiagnostic[];
}

/** A rule's queries for one registered target. */
export interface TargetQueries {
  readonly name: string;
  readonly title: string;
  readonly highlight: string;
  readonly options: readonly TargetOption[];
}

/** One test of the rule (`tripline.tests`), with its expected signal and its result when known. */
export interface SiteTest {
  readonly id: string;
  readonly expect: 'fire' | 'quiet';
  readonly description: string;
  readonly result?: { readonly passed: boolean; readonly detail: string };
}

/** Simulated telemetry for the try-it panel, with the test it belongs to. */
export interface SiteEvent {
  readonly test: string;
  readonly expect: 'fire' | 'quiet' | '';
  readonly logsource: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly timestamp?: number;
}

/** A link to another rule of the catalog (or just an id when it is not in the catalog). */
export interface RelatedRule {
  readonly id: string;
  readonly slug?: string;
  readonly title?: string;
  readonly relation: string;
}

/** Everything a detection page shows. */
export interface SiteRule extends RuleSummary {
  readonly description: string;
  readonly references: readonly string[];
  readonly falsePositives: readonly string[];
  readonly fields: readonly string[];
  readonly logsource: Readonly<Record<string, string>>;
  readonly dataSourceDetails: readonly { readonly component: string; readonly source: string }[];
  readonly requiredTables: Readonly<Record<string, readonly string[]>>;
  readonly tuning: readonly { readonly description: string; readonly filter: string }[];
  readonly tests: readonly SiteTest[];
  readonly investigation: string;
  readonly playbook: string;
  readonly hunting: readonly string[];
  readonly related: readonly RelatedRule[];
  readonly ruleText: string;
  readonly diagnostics: readonly SiteDiagnostic[];
  readonly targets: readonly TargetQueries[];
  readonly telemetry: readonly SiteEvent[];
  /** What `tripline test` said about the rule (when the site was built with --results). */
  readonly testResults?: {
    readonly checks: readonly { readonly check: string; readonly status: string; readonly detail: string }[];
    readonly falsePositives?: { readonly beforePer10k: number; readonly afterPer10k: number; readonly events: number };
  };
  /** Other rule files loaded with this rule in the browser (base rules of a correlation), by name. */
  readonly companions: Readonly<Record<string, string>>;
  /** The Sigma filter files that apply to the rule (opt-in tuning), by name. */
  readonly filters: Readonly<Record<string, string>>;
}

/** An ATT&CK tactic column. */
export interface SiteTactic {
  readonly id: string;
  readonly shortname: string;
  readonly name: string;
  readonly url: string;
}

/** An ATT&CK technique or sub-technique. */
export interface SiteTechnique {
  readonly id: string;
  readonly name: string;
  readonly tactics: readonly string[];
  readonly platforms: readonly string[];
  readonly parent: string | null;
  readonly url: string;
  readonly description: string;
}

/** ATT&CK reference data as the catalog ships it (read from the shared data at build time). */
export interface SiteAttack {
  readonly version: string;
  readonly copyright: string;
  readonly license: string;
  readonly tactics: readonly SiteTactic[];
  readonly techniques: readonly SiteTechnique[];
}

/** A registered target. */
export interface SiteTarget {
  readonly name: string;
  readonly title: string;
  readonly highlight: string;
}

/** data/index.json. */
export interface SiteIndex {
  readonly generator: string;
  readonly generated: string;
  readonly targets: readonly SiteTarget[];
  readonly rules: readonly RuleSummary[];
  /** True when data/attack.json exists. */
  readonly attack: boolean;
  /** Set by `tripline serve`: the app polls data/version.txt and reloads when the rules are rebuilt. */
  readonly live?: string;
  /** Load problems outside any rule page (unreadable files). */
  readonly problems: readonly string[];
}
