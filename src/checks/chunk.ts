/**
 * Node only: checks one chunk of rule files — read, parse, rule-scope checks — and returns what the
 * main thread needs to finish the run: the diagnostics, the IR rules (for cross-file id and reference
 * checks) and the facts set-wide checks compare. Everything returned is plain data, so a worker thread
 * can send it back.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Rule } from '../ir/types.js';
import { loadFile } from '../ruleset/load.js';
import type { RuleEntry } from '../ruleset/types.js';
import type { CheckSetting } from './config.js';
import { loadReferenceData, type ReferenceDataOptions } from './data/load.js';
import { factsOf } from './facts.js';
import { checkContext, enabledChecks, runRuleChecks } from './runner.js';
import type { ReferenceData, RuleFacts } from './types.js';

/** The work of one chunk. */
export interface ChunkSetup {
  readonly files: readonly string[];
  readonly checks?: Readonly<Record<string, CheckSetting>>;
  /** Where the chunk loads its reference data from (workers cannot share the compiled validators). */
  readonly dataOptions?: ReferenceDataOptions;
}

/** What one chunk produced. */
export interface ChunkResult {
  readonly diagnostics: readonly Diagnostic[];
  /** The IR rules, slimmed (see slim()). */
  readonly rules: readonly Rule[];
  readonly facts: readonly RuleFacts[];
}

/**
 * The rule as the main thread's cross-file checks need it (ids, names, references, log sources): the
 * detection tree and custom metadata are dropped, which cuts what a worker sends back by an order of magnitude.
 */
function slim(rule: Rule): Rule {
  const meta = { ...rule.meta, custom: {} };
  return rule.kind === 'correlation' ? { ...rule, meta } : { ...rule, meta, expr: { kind: 'const', value: true } };
}

/** Reads, parses and rule-checks the files of a chunk, in file order. */
export async function checkChunk(setup: ChunkSetup, data?: ReferenceData): Promise<ChunkResult> {
  const diagnostics: Diagnostic[] = [];
  const entries: RuleEntry[] = [];
  for (const f of setup.files) diagnostics.push(...loadFile(f, entries).diagnostics);
  const config = { checks: setup.checks, data: data ?? loadReferenceData(setup.dataOptions) };
  const rulesOnly = enabledChecks(config).filter((c) => c.scope === 'rule');
  runRuleChecks(entries, checkContext(config, diagnostics), rulesOnly, diagnostics);
  return {
    diagnostics,
    rules: entries.flatMap((e) => (e.rule ? [slim(e.rule)] : [])),
    facts: entries.map(factsOf),
  };
}
