/**
 * Conversion checks of `tripline test`: every rule to every registered target with the target's default
 * pipelines; a query that converts is validated in-process where a validator exists (validators.ts).
 */
import { type Conversion, convertDetection, convertRuleSet, TARGETS } from '../backends/index.js';
import type { Dialect } from '../backends/types.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { builtinPipeline } from '../pipelines/index.js';
import type { PipelineSpec } from '../pipelines/types.js';
import type { RuleSet } from '../ruleset/types.js';
import type { CheckResult } from './types.js';
import type { Validator } from './validators.js';

/** The default pipelines of a target. */
export function defaultPipelines(dialect: Dialect): PipelineSpec[] {
  return dialect.pipelines.default.map(builtinPipeline).filter((p): p is PipelineSpec => p !== undefined);
}

/** The reason of an unsupported conversion without the rule-name prefix and target suffix. */
export function reasonOf(c: Conversion): string {
  return (c.errors[0]?.message ?? 'not converted').replace(/^rule '.*?': /, '').replace(/ \(target [^)]*\)$/, '');
}

/** Every rule's conversion for one target (base rules of correlations converted on their own too). */
export function convertAll(ruleSet: RuleSet, dialect: Dialect): Map<DetectionRule | CorrelationRule, Conversion> {
  const pipelines = defaultPipelines(dialect);
  const out = new Map<DetectionRule | CorrelationRule, Conversion>();
  for (const d of ruleSet.detections) out.set(d, convertDetection(d, dialect, pipelines).conversion);
  const all = convertRuleSet(ruleSet, dialect, pipelines);
  for (const c of ruleSet.correlations) {
    const found = all.find((x) => x.file === c.origin.file && x.id === c.meta.id && x.title === c.meta.title);
    if (found) out.set(c, found);
  }
  return out;
}

/** The check of one rule's conversion for one target. */
export async function conversionCheck(
  target: string,
  conversion: Conversion | undefined,
  validator: Validator | undefined,
): Promise<CheckResult> {
  if (!conversion) return { check: target, status: 'fail', detail: 'no conversion produced' };
  if (conversion.errors.length) return { check: target, status: 'unsupported', detail: reasonOf(conversion) };
  if (!validator)
    return { check: target, status: 'unvalidated', detail: 'converted, not validated (no in-process validator)' };
  if ('missing' in validator)
    return { check: target, status: 'unvalidated', detail: `converted, not validated: ${validator.missing}` };
  for (const q of conversion.queries) {
    const problem = await validator.validate(q);
    if (problem !== undefined) return { check: target, status: 'fail', detail: `${validator.name}: ${problem}` };
  }
  return { check: target, status: 'pass', detail: validator.name };
}

/** Target names in matrix order. */
export function targetNames(only?: readonly string[]): string[] {
  return Object.keys(TARGETS).filter((t) => !only?.length || only.includes(t));
}
