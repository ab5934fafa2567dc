/** The shape of a check module and what a check can read: the rule, the whole set and the reference data. */
import type { CheckName } from '../core/codes.js';
import type { Span } from '../core/diagnostic.js';
import type { RuleEntry } from '../ruleset/types.js';
import type { AttackData } from './data/attack.js';
import type { SchemaSet, SchemaValidator } from './data/schemas.js';
import type { FieldTaxonomy } from './data/taxonomy.js';

/** Reports one finding of the running check at a span of the current file. */
export type Emit = (span: Span | undefined, message: string) => void;

/** Reports one finding of the running check in any file of the set. */
export type EmitIn = (file: string, span: Span | undefined, message: string) => void;

/** Reference data read at run time (never copied into the repo); every part is optional. */
export interface ReferenceData {
  readonly attack?: AttackData;
  readonly taxonomy?: FieldTaxonomy;
  readonly schemas?: SchemaSet;
}

/** What every check may read besides its rule. */
export interface CheckContext {
  readonly data: ReferenceData;
  /** tripline's own metadata schema, compiled once per run. */
  readonly triplineSchema: SchemaValidator;
  /** True when loading the file already produced an error (so follow-up checks can stay quiet). */
  readonly hasParseErrors: (file: string) => boolean;
  /** Computes a value derived from a rule once per run (tags, parsed modifiers...), shared by the checks. */
  readonly cached: <T>(entry: RuleEntry, key: string, compute: () => T) => T;
}

interface CheckBase {
  /** The check's name in the CODES catalog (code, default severity and summary live there). */
  readonly name: CheckName;
  /** What to change, in a sentence or two; shown by `--list-checks`, SARIF help and docs/diagnostics.md. */
  readonly help: string;
}

/** A check that looks at one rule document at a time. */
export interface RuleCheck extends CheckBase {
  readonly scope: 'rule';
  readonly run: (entry: RuleEntry, ctx: CheckContext, emit: Emit) => void;
}

/**
 * What set-wide checks see of each rule: a few facts with their spans, small and cloneable, so they can be
 * gathered in worker threads and compared in the main thread (see facts.ts and parallel.ts).
 */
export interface RuleFacts {
  readonly file: string;
  readonly title?: string;
  readonly titleSpan: Span;
  /** The rule's first key: where "the rule lacks X" is reported. */
  readonly head: Span;
  /** The first `attack.` tag, if any. */
  readonly attackTag?: Span;
}

/** The whole set as set-wide checks see it. */
export interface SetView {
  readonly files: readonly string[];
  readonly rules: readonly RuleFacts[];
}

/** A check that compares rules of the set (duplicates) or reports once for the whole run. */
export interface SetCheck extends CheckBase {
  readonly scope: 'set';
  readonly run: (set: SetView, ctx: CheckContext, emit: EmitIn) => void;
}

/** Any check module's export. */
export type Check = RuleCheck | SetCheck;
