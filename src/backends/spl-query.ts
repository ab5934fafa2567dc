/**
 * Assembles an SPL detection query: scope and search terms first, then `| where` for what only eval can
 * express (the top-level AND is split, so search terms still narrow the events the index returns), or a
 * `tstats` / `| datamodel` query when the pipeline points at a CIM data model.
 */
import { leaves } from '../ir/expr.js';
import type { DetectionRule, Expr } from '../ir/types.js';
import { isUnsupported } from '../pipelines/types.js';
import { emitExpr } from './emit.js';
import { emitSearch, SPL_WHERE } from './spl-leaves.js';
import { NEEDS_WHERE } from './spl-text.js';
import type { EmitContext, ScopeText } from './types.js';

/** Fields `tstats` groups by for each CIM data set (the usual ES correlation-search columns). */
const TSTATS_BY: Readonly<Record<string, string>> = {
  'Endpoint.Processes':
    'Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process Processes.process_id',
  'Endpoint.Filesystem': 'Filesystem.dest Filesystem.user Filesystem.file_path Filesystem.process_id',
  'Endpoint.Registry': 'Registry.dest Registry.user Registry.registry_path Registry.registry_value_data',
  'Network_Traffic.All_Traffic': 'All_Traffic.src_ip All_Traffic.dest_ip All_Traffic.dest_port All_Traffic.app',
  'Network_Resolution.DNS': 'DNS.src DNS.query DNS.answer',
};

/** Leaf kinds a `tstats ... where` clause takes: field=value terms only. */
const TSTATS_KINDS = new Set(['string', 'number', 'boolean', 'null', 'exists']);

const isJunction = (e: Expr) => e.kind === 'and' || e.kind === 'or';
const grouped = (e: Expr, text: string) => (isJunction(e) ? `(${text})` : text);

/** The search part and the `| where` part of a rule (the where part empty when it needs none). */
export function splitWhere(expr: Expr, ctx: EmitContext): { search: string[]; where: string[] } {
  const children = expr.kind === 'and' ? expr.children : [expr];
  const search: string[] = [];
  const where: string[] = [];
  for (const c of children) {
    const s = emitSearch(c, ctx);
    if (typeof s === 'string') {
      search.push(grouped(c, s));
      continue;
    }
    const w = emitExpr(c, SPL_WHERE, ctx);
    // The first pass already proved every leaf has an eval form, so this cannot fail.
    where.push(isUnsupported(w) ? 'false()' : grouped(c, w));
  }
  return { search, where };
}

/** Search terms plus optional `| where` as one pipeline fragment (`*` when there are no terms). */
export function searchAndWhere(scope: string | undefined, expr: Expr, condition: string, ctx: EmitContext): string {
  if (!condition.includes(NEEDS_WHERE)) return [scope, grouped(expr, condition)].filter(Boolean).join(' ');
  const { search, where } = splitWhere(expr, ctx);
  const head = [scope, ...search].filter(Boolean).join(' ') || '*';
  return `${head} | where ${where.join(' AND ')}`;
}

/** The complete SPL query of a detection rule. */
export function splQuery(condition: string, scope: ScopeText, rule: DetectionRule, ctx: EmitContext): string {
  const model = scope.table?.startsWith('datamodel:') ? scope.table.slice('datamodel:'.length) : undefined;
  if (!model) return searchAndWhere(scope.condition, rule.expr, condition, ctx);
  const [name, dataset] = model.split('.');
  const fitsTstats =
    !condition.includes(NEEDS_WHERE) &&
    leaves(rule.expr).every((l) => TSTATS_KINDS.has(l.kind) && 'field' in l && l.field !== null);
  if (fitsTstats) {
    const by = TSTATS_BY[model] ?? '';
    return (
      `| tstats summariesonly=false allow_old_summaries=true fillnull_value="null" count min(_time) as firstTime ` +
      `max(_time) as lastTime from datamodel=${model} where ${condition}${by ? ` by ${by}` : ''}`
    );
  }
  // Not a tstats fit: the data set's events, with the same Dataset.field names, then search and where.
  const rest = searchAndWhere(scope.condition, rule.expr, condition, ctx);
  return `| datamodel ${name} ${dataset} search | search ${rest}`;
}
