/**
 * Builds IR rules from Sigma documents. Consumes `SigmaDocument` (sigma/document.ts); produces frozen
 * `DetectionRule`, `CorrelationRule` and `FilterRule` values plus diagnostics. Never throws on bad rules:
 * a broken piece becomes a `const false` leaf and a positioned diagnostic.
 */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { readConditions, readSearches } from '../sigma/document.js';
import type { Search, SigmaDocument } from '../sigma/types.js';
import { spanOf } from '../sigma/yaml.js';
import { buildCondition } from './condition.js';
import { buildCorrelation } from './correlation.js';
import { or } from './expr.js';
import { readLogsource, readMeta } from './meta.js';
import { buildSearch } from './search.js';
import type { DetectionRule, Expr, FilterRule, Rule, RuleOrigin } from './types.js';

/** Builds the IR rule of one document, collecting diagnostics into `diagnostics`. */
export function buildRule(doc: SigmaDocument, diagnostics: Diagnostic[]): Rule | undefined {
  const origin: RuleOrigin = Object.freeze({ file: doc.file, document: doc.yaml.index, span: doc.span });
  if (doc.kind === 'correlation') return buildCorrelation(doc, origin, diagnostics);
  if (doc.kind === 'filter') return buildFilter(doc, origin, diagnostics);
  return buildDetection(doc, origin, diagnostics);
}

function buildDetection(doc: SigmaDocument, origin: RuleOrigin, diagnostics: Diagnostic[]): DetectionRule {
  const expr = detectionExpr(doc.file, doc.searches, doc.conditions, diagnostics);
  return Object.freeze({
    kind: 'detection',
    origin,
    meta: readMeta(doc.data),
    logsource: readLogsource(doc.data.logsource),
    expr,
    condition: Object.freeze(doc.conditions.map((c) => c.text)),
  });
}

/** Builds searches and conditions into one expression; several conditions are OR-ed. */
function detectionExpr(
  file: string,
  searches: readonly Search[],
  conditions: SigmaDocument['conditions'],
  diagnostics: Diagnostic[],
): Expr {
  const built = new Map<string, Expr>();
  for (const s of searches) built.set(s.name, buildSearch(file, s, diagnostics));
  const exprs: Expr[] = [];
  for (const c of conditions) {
    const e = buildCondition(file, c, built, diagnostics);
    if (e) exprs.push(e);
  }
  return or(exprs);
}

function buildFilter(doc: SigmaDocument, origin: RuleOrigin, diagnostics: Diagnostic[]): FilterRule | undefined {
  const filter = doc.data.filter;
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) {
    diagnostics.push(
      report(
        'invalid-filter',
        doc.file,
        spanOf(doc.yaml, ['filter']),
        '`filter` must be a map with `rules`, searches and a `condition`',
      ),
    );
    return undefined;
  }
  const rulesValue = (filter as Record<string, unknown>).rules;
  const rules = Array.isArray(rulesValue) ? rulesValue.map(String) : typeof rulesValue === 'string' ? [rulesValue] : [];
  if (rules.length === 0) {
    const msg = '`filter.rules` must list the ids or names of the rules this filter applies to';
    diagnostics.push(report('invalid-filter', doc.file, spanOf(doc.yaml, ['filter', 'rules'], true), msg));
  }
  const searches = readSearches(doc.yaml, diagnostics, 'filter');
  const conditions = readConditions(doc.yaml, ['filter', 'condition'], diagnostics);
  const expr = detectionExpr(doc.file, searches, conditions, diagnostics);
  return Object.freeze({
    kind: 'filter',
    origin,
    meta: readMeta(doc.data),
    logsource: readLogsource(doc.data.logsource),
    rules: Object.freeze(rules),
    expr,
  });
}
