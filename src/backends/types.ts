/**
 * What a backend is: a `Dialect` table (tokens, grouping, one emitter per IR leaf kind, how a query is
 * assembled) plus optional overrides. The shared emitter (emit.ts) walks the IR; a dialect never walks it.
 */
import type { Span } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule, Match, NumberMatch, StringMatch } from '../ir/types.js';
import type { Scope, Unsupported } from '../pipelines/types.js';

/** Per-rule context handed to every emitter function. */
export interface EmitContext {
  readonly rule: DetectionRule | CorrelationRule;
  readonly target: string;
  /** Records a note about the query (shown as a warning, never hides a wrong query). */
  readonly warn: (message: string, span?: Span) => void;
}

/** The result of emitting a piece of query: text, or why it cannot be written. */
export type Emitted = string | Unsupported;

/** One emitter per leaf kind; the compiler lists any kind a dialect forgets. */
export type LeafEmitters = {
  readonly [K in Match['kind']]: (node: Extract<Match, { kind: K }>, ctx: EmitContext) => Emitted;
};

/** A converted detection rule that a correlation is built on. */
export interface BaseQuery {
  readonly rule: DetectionRule;
  readonly scope: Scope;
  /** The rule's condition alone (no scope), in the target language. */
  readonly condition: string;
  /** The scope's conditions alone, or undefined when there are none. */
  readonly scopeCondition: string | undefined;
  /** The complete stand-alone query. */
  readonly query: string;
  /** The target name of a Sigma field in this rule's log source (for group-by and aliases). */
  readonly mapField: (field: string) => string;
}

/** The scope of a query in target text. */
export interface ScopeText {
  readonly table?: string;
  readonly condition?: string;
  /** Derived fields to compute before filtering (name -> target expression), from `Scope.derived`. */
  readonly derived?: Readonly<Record<string, string>>;
}

/** A query language target. */
export interface Dialect {
  /** CLI name: `-t kql`. */
  readonly name: string;
  /** Human title: `Microsoft KQL (Defender XDR, Sentinel)`. */
  readonly title: string;
  /** Syntax highlighting name for the catalog. */
  readonly highlight: string;
  /** Built-in pipelines used when the user names none, and every pipeline meant for this target. */
  readonly pipelines: { readonly default: readonly string[]; readonly available: readonly string[] };
  /** Joining words, with spaces: ` and `, ` AND `. */
  readonly and: string;
  readonly or: string;
  readonly not: (inner: string) => string;
  readonly group: (inner: string) => string;
  /** Query text for a constant (e.g. `true`), or unsupported. */
  readonly constant: (value: boolean) => Emitted;
  readonly leaves: LeafEmitters;
  /**
   * Optional: several OR-ed string or number matches of one field as one expression (KQL `in~`,
   * SPL `IN`). Return undefined to fall back to OR-ing the leaves.
   */
  readonly orSameField?: (
    field: string,
    nodes: readonly (StringMatch | NumberMatch)[],
    ctx: EmitContext,
  ) => string | undefined;
  /** Assembles the final query text of a detection rule. */
  readonly query: (condition: string, scope: ScopeText, rule: DetectionRule, ctx: EmitContext) => Emitted;
  /** Compiles a correlation rule over its converted base rules; absent means correlations are unsupported. */
  readonly correlation?: (rule: CorrelationRule, bases: readonly BaseQuery[], ctx: EmitContext) => Emitted;
  /** True when `query` computes `ScopeText.derived` fields; otherwise a rule needing one is unsupported. */
  readonly derivedFields?: boolean;
  /** Optional final check of the whole query (e.g. length limits). */
  readonly finish?: (query: string, ctx: EmitContext) => Emitted;
}
