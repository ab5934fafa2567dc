/**
 * Prepares a rule set for one platform: converts every rule with the platform's query choices (first that
 * converts wins) and gathers what writers need besides the query (target field names, table, slug).
 */
import { type Conversion, convertDetection, convertRuleSet } from '../backends/convert.js';
import { targetByName } from '../backends/index.js';
import type { Dialect } from '../backends/types.js';
import { fieldsOf } from '../ir/expr.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { applyPipelines, targetFieldName } from '../pipelines/apply.js';
import { builtinPipeline } from '../pipelines/index.js';
import type { PipelineSpec } from '../pipelines/types.js';
import type { RuleSet } from '../ruleset/types.js';
import { slugOf } from './meta.js';
import type { ExportRule, Platform, QueryChoice, Skipped } from './types.js';

type AnyRule = DetectionRule | CorrelationRule;

/** Rules ready to write and the rules no query choice could convert. */
export interface Prepared {
  readonly rules: readonly ExportRule[];
  readonly skipped: readonly Skipped[];
}

const keyOf = (file: string, title: string, id: string | undefined) => `${file}\u0000${title}\u0000${id ?? ''}`;

/** Converts each rule for the platform; `pipelines` (when given) replace every choice's own. */
export function prepareRules(ruleSet: RuleSet, platform: Platform, pipelines?: readonly PipelineSpec[]): Prepared {
  const byKey = new Map<string, Map<string, Conversion>>();
  // A user's --pipeline replaces the pipelines of the platform's targets, not those of its own dialects.
  const own = (c: QueryChoice) => !pipelines || c.dialect !== undefined;
  const choiceKey = (c: QueryChoice) => `${c.target}|${own(c) ? c.pipelines.join(',') : ''}${c.base ? '|base' : ''}`;
  const all: AnyRule[] = [...ruleSet.detections, ...ruleSet.correlations];
  const choices = new Map<string, QueryChoice>();
  const alsoOf = (r: AnyRule) => platform.also?.(r) ?? [];
  for (const r of all) for (const c of [...platform.queries(r), ...alsoOf(r)]) choices.set(choiceKey(c), c);
  const order: string[] = [];
  for (const [ck, choice] of choices) {
    const dialect = choice.dialect ?? targetByName(choice.target);
    if (!dialect) continue;
    const specs = own(choice) ? resolve(choice.pipelines) : (pipelines ?? []);
    const convs = choice.base ? baseConversions(ruleSet, dialect, specs) : convertRuleSet(ruleSet, dialect, specs);
    for (const conv of convs) {
      const k = keyOf(conv.file, conv.title, conv.id);
      if (!byKey.has(k)) {
        byKey.set(k, new Map());
        order.push(k);
      }
      byKey.get(k)?.set(ck, conv);
    }
  }
  const rulesByKey = new Map(all.map((r) => [keyOf(r.origin.file, r.meta.title, r.meta.id), r]));
  if (choices.size === 0) return { rules: withoutQuery(all, ruleSet), skipped: [] };
  const out: ExportRule[] = [];
  const skipped: Skipped[] = [];
  const slugs = new Set<string>();
  const seen = new Set(order);
  for (const k of all.map((r) => keyOf(r.origin.file, r.meta.title, r.meta.id)).filter((x) => seen.delete(x))) {
    const rule = rulesByKey.get(k);
    const convs = byKey.get(k);
    if (!rule || !convs) continue;
    const tried = platform.queries(rule).map((c) => ({ c, conv: convs.get(choiceKey(c)) }));
    const hit = tried.find((t) => t.conv && t.conv.errors.length === 0 && t.conv.queries.length > 0);
    if (!hit?.conv) {
      const err = tried.find((t) => t.conv)?.conv?.errors[0];
      skipped.push({
        id: rule.meta.id,
        title: rule.meta.title,
        file: rule.origin.file,
        line: err?.line ?? rule.origin.span.line,
        column: err?.column ?? rule.origin.span.column,
        limit: 'unsupported',
        reason: err?.message ?? 'no query target of this platform converts the rule',
      });
      continue;
    }
    const specs = pipelines ?? resolve(hit.c.pipelines);
    const extra = Object.fromEntries(
      alsoOf(rule).map((c) => {
        const conv = convs.get(choiceKey(c));
        const query = conv && conv.errors.length === 0 ? conv.queries.join('\n') : undefined;
        return [c.target, query ? { query } : { reason: conv?.errors[0]?.message ?? 'not converted' }];
      }),
    );
    out.push(exportRule(rule, hit.conv, specs, ruleSet, uniqueSlug(slugOf(rule.meta.title), slugs), extra));
  }
  return { rules: out, skipped };
}

/** Each single-rule correlation's referenced rule converted alone, filed under the correlation. */
function baseConversions(ruleSet: RuleSet, dialect: Dialect, specs: readonly PipelineSpec[]): Conversion[] {
  return ruleSet.correlations.flatMap((c) => {
    const ref = c.rules.length === 1 ? firstReferenced(c, ruleSet) : undefined;
    if (!ref) return [];
    const { conversion } = convertDetection(ref, dialect, specs);
    return [{ ...conversion, id: c.meta.id, title: c.meta.title, file: c.origin.file }];
  });
}

function resolve(names: readonly string[]): PipelineSpec[] {
  return names.map((n) => builtinPipeline(n)).filter((p): p is PipelineSpec => p !== undefined);
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let s = slug;
  for (let i = 2; taken.has(s); i++) s = `${slug}_${i}`;
  taken.add(s);
  return s;
}

function exportRule(
  rule: AnyRule,
  conversion: Conversion,
  pipelines: readonly PipelineSpec[],
  ruleSet: RuleSet,
  slug: string,
  extra: ExportRule['extra'] = {},
): ExportRule {
  const base = rule.kind === 'detection' ? rule : firstReferenced(rule, ruleSet);
  const applied = base ? applyPipelines(base, pipelines) : undefined;
  const map = (f: string) => (base ? targetFieldName(f, pipelines, base.logsource) : f);
  const fields =
    rule.kind === 'detection'
      ? [...fieldsOf(applied?.rule.expr ?? rule.expr), ...rule.meta.fields.map(map)]
      : rule.groupBy.map((g) => (rule.aliases[g] ? g : map(g)));
  const named = rule.kind === 'detection' ? rule.meta.fields : rule.groupBy;
  const outputFields = named.map((f) => [f, rule.kind === 'correlation' && rule.aliases[f] ? f : map(f)] as const);
  return Object.freeze({
    rule,
    conversion,
    outputFields,
    mapField: map,
    logsource: base?.logsource,
    extra,
    query: conversion.queries.join('\n'),
    fields: Object.freeze([...new Set(fields)]),
    scope: applied?.scope,
    slug,
  });
}

function firstReferenced(rule: CorrelationRule, ruleSet: RuleSet): DetectionRule | undefined {
  const ref = rule.rules[0];
  return ruleSet.detections.find((d) => d.meta.id === ref || d.meta.name === ref);
}

/** For platforms that need no query (Navigator): every rule that raises alerts, with an empty query. */
function withoutQuery(all: readonly AnyRule[], ruleSet: RuleSet): ExportRule[] {
  const hidden = new Set(ruleSet.correlations.filter((c) => !c.generate).flatMap((c) => c.rules));
  const slugs = new Set<string>();
  return all
    .filter((r) => r.kind === 'correlation' || !(hidden.has(r.meta.id ?? '') || hidden.has(r.meta.name ?? '')))
    .map((rule) => {
      const conversion: Conversion = {
        id: rule.meta.id,
        title: rule.meta.title,
        file: rule.origin.file,
        target: 'none',
        pipelines: [],
        queries: [],
        errors: [],
        warnings: [],
      };
      return exportRule(rule, conversion, [], ruleSet, uniqueSlug(slugOf(rule.meta.title), slugs));
    });
}
