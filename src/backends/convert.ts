/**
 * Converts a rule set for one target. Consumes a `RuleSet` and a `Dialect` with pipelines; produces one
 * `Conversion` per rule: its queries, or the unsupported constructs as positioned errors. Correlations are
 * built on their referenced rules' conversions; referenced rules are emitted alone only with `generate`.
 */
import { report } from '../core/codes.js';
import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { applyPipelines, targetFieldName } from '../pipelines/apply.js';
import { isUnsupported, type PipelineSpec, type Unsupported } from '../pipelines/types.js';
import type { RuleSet } from '../ruleset/types.js';
import { emitExpr } from './emit.js';
import type { BaseQuery, Dialect, EmitContext } from './types.js';

/** The conversion of one rule for one target. */
export interface Conversion {
  readonly id: string | undefined;
  readonly title: string;
  readonly file: string;
  readonly target: string;
  readonly pipelines: readonly string[];
  readonly queries: readonly string[];
  /** Unsupported constructs: when present, `queries` is empty. */
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/** Converts every detection and correlation rule of a set. */
export function convertRuleSet(ruleSet: RuleSet, dialect: Dialect, pipelines: readonly PipelineSpec[]): Conversion[] {
  const bases = new Map<string, BaseQuery | Unsupported>();
  const results: Conversion[] = [];
  const hidden = hiddenBaseRules(ruleSet.correlations);
  for (const rule of ruleSet.detections) {
    const { conversion, base } = convertDetection(rule, dialect, pipelines);
    for (const key of [rule.meta.id, rule.meta.name]) if (key) bases.set(key, base);
    if (!hidden.has(rule.meta.id ?? '') && !hidden.has(rule.meta.name ?? '')) results.push(conversion);
  }
  for (const rule of ruleSet.correlations) results.push(convertCorrelation(rule, dialect, pipelines, bases));
  return results;
}

/** Converts one detection rule; also returns the base query correlations build on. */
export function convertDetection(
  rule: DetectionRule,
  dialect: Dialect,
  pipelines: readonly PipelineSpec[],
): { conversion: Conversion; base: BaseQuery | Unsupported } {
  const warnings: Diagnostic[] = [];
  const ctx = context(rule, dialect, warnings);
  const applied = applyPipelines(rule, pipelines);
  const fail = (u: readonly Unsupported[]) => ({
    conversion: result(rule, dialect, pipelines, [], errorsOf(rule, dialect, u), warnings),
    base: u[0],
  });
  if (applied.unsupported.length > 0) return fail(applied.unsupported);
  const derived = applied.scope.derived;
  if (derived && !dialect.derivedFields)
    return fail([
      { unsupported: `derived fields (${Object.keys(derived).join(', ')}) are not supported by this target` },
    ]);
  const condition = emitExpr(applied.rule.expr, dialect, ctx);
  if (isUnsupported(condition)) return fail([condition]);
  const scopeExpr = applied.scope.conditions;
  const scopeCondition = scopeExpr.kind === 'const' && scopeExpr.value ? undefined : emitExpr(scopeExpr, dialect, ctx);
  if (isUnsupported(scopeCondition)) return fail([scopeCondition]);
  let query: string | Unsupported = dialect.query(
    condition,
    { table: applied.scope.table, condition: scopeCondition, ...(derived ? { derived } : {}) },
    applied.rule,
    ctx,
  );
  if (dialect.finish && !isUnsupported(query)) query = dialect.finish(query, ctx);
  if (isUnsupported(query)) return fail([query]);
  const mapField = (field: string) => targetFieldName(field, pipelines, rule.logsource);
  const base: BaseQuery = { rule: applied.rule, scope: applied.scope, condition, scopeCondition, query, mapField };
  return { conversion: result(rule, dialect, pipelines, [query], [], warnings), base };
}

function convertCorrelation(
  rule: CorrelationRule,
  dialect: Dialect,
  pipelines: readonly PipelineSpec[],
  bases: ReadonlyMap<string, BaseQuery | Unsupported>,
): Conversion {
  const warnings: Diagnostic[] = [];
  const ctx = context(rule, dialect, warnings);
  const fail = (u: Unsupported) => result(rule, dialect, pipelines, [], errorsOf(rule, dialect, [u]), warnings);
  if (!dialect.correlation)
    return fail({ unsupported: `correlation rules (${rule.type}) are not supported by this target` });
  const refs: BaseQuery[] = [];
  for (const ref of rule.rules) {
    const b = bases.get(ref);
    if (!b) return fail({ unsupported: `referenced rule '${ref}' is not loaded` });
    if (isUnsupported(b))
      return fail({ unsupported: `referenced rule '${ref}' cannot be converted: ${b.unsupported}` });
    refs.push(b);
  }
  let query = dialect.correlation(rule, refs, ctx);
  if (!isUnsupported(query) && dialect.finish) query = dialect.finish(query, ctx);
  if (isUnsupported(query)) return fail(query);
  return result(rule, dialect, pipelines, [query], [], warnings);
}

/** Ids and names of rules that only feed correlations (no `generate: true`). */
function hiddenBaseRules(correlations: readonly CorrelationRule[]): Set<string> {
  const out = new Set<string>();
  for (const c of correlations) if (!c.generate) for (const r of c.rules) out.add(r);
  return out;
}

function context(rule: DetectionRule | CorrelationRule, dialect: Dialect, warnings: Diagnostic[]): EmitContext {
  return {
    rule,
    target: dialect.name,
    warn: (message: string, span?: Span) =>
      warnings.push(report('conversion-note', rule.origin.file, span ?? rule.origin.span, message)),
  };
}

function errorsOf(rule: DetectionRule | CorrelationRule, dialect: Dialect, u: readonly Unsupported[]): Diagnostic[] {
  const name = rule.meta.title;
  return u.map((x) =>
    report(
      'unsupported',
      rule.origin.file,
      x.span ?? rule.origin.span,
      `rule '${name}': ${x.unsupported} (target ${dialect.name})`,
    ),
  );
}

function result(
  rule: DetectionRule | CorrelationRule,
  dialect: Dialect,
  pipelines: readonly PipelineSpec[],
  queries: string[],
  errors: Diagnostic[],
  warnings: Diagnostic[],
): Conversion {
  return Object.freeze({
    id: rule.meta.id,
    title: rule.meta.title,
    file: rule.origin.file,
    target: dialect.name,
    pipelines: pipelines.map((p) => p.name),
    queries: Object.freeze(queries),
    errors: Object.freeze(errors),
    warnings: Object.freeze(warnings),
  });
}
