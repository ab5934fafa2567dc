/**
 * The normalised rule tree. Consumes nothing (pure types); produced by `ir/build.ts` from a parsed
 * SigmaRule, rewritten by pipelines, read by backends and the engine. Every node is frozen.
 * All value modifiers (contains, base64offset, windash, utf16...) are already applied here: a backend
 * or the engine only ever sees the closed set of node kinds below.
 */
import type { Span } from '../core/diagnostic.js';

/** A wildcard inside a string pattern: `*` (many) or `?` (one). */
export interface Wildcard {
  readonly wildcard: 'many' | 'one';
}

/** A `%name%` placeholder left by the `expand` modifier, resolved by a pipeline. */
export interface Placeholder {
  readonly placeholder: string;
}

/** One piece of a pattern: literal text, a wildcard or a placeholder. Literal text has no escapes left. */
export type PatternPart = string | Wildcard | Placeholder;

/** A Sigma string value: literal text interleaved with wildcards. Adjacent literals are always merged. */
export type Pattern = readonly PatternPart[];

/** Comparison operators of the gt/gte/lt/lte modifiers (and `eq` for date parts). */
export type CompareOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq';

/** The date parts a value can be reduced to before comparing. */
export type DatePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Regex flags of the `re` modifier's sub-modifiers (i, m, s). */
export interface RegexFlags {
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
}

interface Leaf {
  /** Where the value came from in the rule file, for diagnostics. */
  readonly span?: Span;
}

/** Field value matches a pattern; case-insensitive unless `cased`. `field: null` is a keyword (any field). */
export interface StringMatch extends Leaf {
  readonly kind: 'string';
  readonly field: string | null;
  readonly pattern: Pattern;
  readonly cased: boolean;
}

/** Field equals a number (also when the event holds it as a decimal string). */
export interface NumberMatch extends Leaf {
  readonly kind: 'number';
  readonly field: string | null;
  readonly value: number;
}

/** Field equals a boolean. */
export interface BooleanMatch extends Leaf {
  readonly kind: 'boolean';
  readonly field: string;
  readonly value: boolean;
}

/** Field is absent or null (`field: null` in Sigma). */
export interface NullMatch extends Leaf {
  readonly kind: 'null';
  readonly field: string;
}

/** Field is present (`exists: true`) or absent (`exists: false`). */
export interface ExistsMatch extends Leaf {
  readonly kind: 'exists';
  readonly field: string;
  readonly exists: boolean;
}

/** Field matches a regular expression (RE2 syntax subset, unanchored search). */
export interface RegexMatch extends Leaf {
  readonly kind: 'regex';
  readonly field: string | null;
  readonly regex: string;
  readonly flags: RegexFlags;
}

/** Field holds an IP address inside a CIDR network (IPv4 or IPv6). */
export interface CidrMatch extends Leaf {
  readonly kind: 'cidr';
  readonly field: string;
  readonly network: string;
}

/** Field compared numerically with gt/gte/lt/lte. */
export interface CompareMatch extends Leaf {
  readonly kind: 'compare';
  readonly field: string;
  readonly op: Exclude<CompareOp, 'eq'>;
  readonly value: number;
}

/** A date part (minute, hour, ...) of a timestamp field compared with a number. */
export interface DatePartMatch extends Leaf {
  readonly kind: 'datepart';
  readonly field: string;
  readonly part: DatePart;
  readonly op: CompareOp;
  readonly value: number;
}

/** Field compared with another field of the same event (`fieldref`). */
export interface FieldRefMatch extends Leaf {
  readonly kind: 'fieldref';
  readonly field: string;
  readonly other: string;
  readonly position: 'equals' | 'startswith' | 'endswith' | 'contains';
  readonly cased: boolean;
}

/** A constant, left where a quantifier over no searches or a pipeline decided the outcome. */
export interface ConstExpr extends Leaf {
  readonly kind: 'const';
  readonly value: boolean;
}

export interface AndExpr {
  readonly kind: 'and';
  readonly children: readonly Expr[];
}

export interface OrExpr {
  readonly kind: 'or';
  readonly children: readonly Expr[];
}

export interface NotExpr {
  readonly kind: 'not';
  readonly child: Expr;
}

/** A leaf test on one event. */
export type Match =
  | StringMatch
  | NumberMatch
  | BooleanMatch
  | NullMatch
  | ExistsMatch
  | RegexMatch
  | CidrMatch
  | CompareMatch
  | DatePartMatch
  | FieldRefMatch;

/** A node of the normalised detection tree. */
export type Expr = Match | ConstExpr | AndExpr | OrExpr | NotExpr;

/** Every node kind, so exhaustive `Record<ExprKind, ...>` tables make the compiler list what is missing. */
export type ExprKind = Expr['kind'];

/** Sigma log source. */
export interface Logsource {
  readonly category?: string;
  readonly product?: string;
  readonly service?: string;
  readonly definition?: string;
}

/** A rule's `related` entry. */
export interface RelatedRule {
  readonly id: string;
  readonly type: string;
}

/** Metadata common to detection, correlation and filter rules. */
export interface RuleMeta {
  readonly id?: string;
  /** The `name` a correlation uses to refer to a rule. */
  readonly name?: string;
  readonly title: string;
  readonly status?: string;
  readonly level?: string;
  readonly description?: string;
  readonly license?: string;
  readonly author?: string;
  readonly date?: string;
  readonly modified?: string;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly falsepositives: readonly string[];
  readonly fields: readonly string[];
  readonly related: readonly RelatedRule[];
  /** Every top-level key that is not standard Sigma (tripline metadata lives here under `tripline`). */
  readonly custom: Readonly<Record<string, unknown>>;
}

/** Where a rule came from. */
export interface RuleOrigin {
  readonly file: string;
  /** 0-based index of the YAML document inside the file. */
  readonly document: number;
  readonly span: Span;
}

/** A detection rule after modifiers and the condition are applied. */
export interface DetectionRule {
  readonly kind: 'detection';
  readonly origin: RuleOrigin;
  readonly meta: RuleMeta;
  readonly logsource: Logsource;
  /** The whole detection as one tree (all conditions of the rule OR-ed, filters applied). */
  readonly expr: Expr;
  /** The condition text(s) as written. */
  readonly condition: readonly string[];
}

/** The Sigma correlation types. */
export type CorrelationType =
  | 'event_count'
  | 'value_count'
  | 'value_sum'
  | 'value_avg'
  | 'value_percentile'
  | 'temporal'
  | 'temporal_ordered';

/** The threshold of a correlation: every given bound must hold. `field` is the aggregated field. */
export interface CorrelationCondition {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly eq?: number;
  readonly neq?: number;
  readonly field?: string;
  /** Percentile rank for value_percentile. */
  readonly percentile?: number;
}

/** A Sigma correlation rule: aggregates the matches of other rules over a time window. */
export interface CorrelationRule {
  readonly kind: 'correlation';
  readonly origin: RuleOrigin;
  readonly meta: RuleMeta;
  readonly type: CorrelationType;
  /** Referenced rules by id or name, in order (order matters for temporal_ordered). */
  readonly rules: readonly string[];
  readonly groupBy: readonly string[];
  readonly timespanMs: number;
  /** The timespan as written (`5m`, `1h`...). */
  readonly timespan: string;
  readonly condition: CorrelationCondition;
  /** alias -> (rule reference -> field name in that rule's events). */
  readonly aliases: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Whether the referenced rules also raise their own alerts. */
  readonly generate: boolean;
}

/** A Sigma filter (meta filter): adds `and not expr` to each referenced rule with a matching log source. */
export interface FilterRule {
  readonly kind: 'filter';
  readonly origin: RuleOrigin;
  readonly meta: RuleMeta;
  readonly logsource: Logsource;
  readonly rules: readonly string[];
  readonly expr: Expr;
}

/** Any rule of a rule set. */
export type Rule = DetectionRule | CorrelationRule | FilterRule;
