/**
 * Reads what a catalog page shows from a rule: ATT&CK tags, platforms, data sources and the `tripline:`
 * metadata block (docs/rule-metadata.md). Tolerant: a malformed block yields empty sections, the checks
 * report what is wrong with it.
 */

import type { Diagnostic } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import type { Collection, RuleSummary, SiteDiagnostic, SiteTest } from './types.js';

type Rec = Readonly<Record<string, unknown>>;

const TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
const TACTIC_TAG = /^attack\.([a-z][a-z-]+)$/;

/** ATT&CK technique ids from `attack.tNNNN[.NNN]` tags, upper-case, in tag order. */
export function techniquesOf(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const m = TECHNIQUE_TAG.exec(t);
    if (m) out.add(m[1].toUpperCase());
  }
  return [...out];
}

/** ATT&CK tactic short names from `attack.<tactic>` tags (group/software ids are not tactics). */
export function tacticsOf(tags: readonly string[], known?: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const m = TACTIC_TAG.exec(t.toLowerCase());
    if (!m) continue;
    if (!known || known.has(m[1])) out.add(m[1]);
  }
  return [...out];
}

/** The `tripline:` block of a rule, or an empty object. */
export function triplineBlock(rule: DetectionRule | CorrelationRule): Rec {
  const b = rule.meta.custom.tripline;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Rec) : {};
}

/** A string value or ''. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** A list of strings from a list value (objects give their `description`/`text`), or []. */
export function strList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  return v
    .map((x) => (x && typeof x === 'object' ? str((x as Rec).description ?? (x as Rec).text) : str(x)))
    .filter((s) => s !== '');
}

/** The rule's data sources: `tripline.data_sources` components, else its Sigma log source. */
export function dataSourcesOf(rule: DetectionRule | CorrelationRule, block: Rec): string[] {
  const comps = Array.isArray(block.data_sources)
    ? block.data_sources.map((d) => str((d as Rec)?.component ?? d)).filter((s) => s !== '')
    : [];
  if (comps.length > 0) return [...new Set(comps)];
  return rule.kind === 'detection' ? [logsourceLabel(rule.logsource)] : ['correlation'];
}

/** `product/category/service` of a log source, skipping absent parts. */
export function logsourceLabel(ls: DetectionRule['logsource']): string {
  return [ls.product, ls.category, ls.service].filter((s) => s).join('/') || 'any';
}

/** Tests from `tripline.tests.fire/quiet` (ids as strings or objects with id and description). */
export function testsOf(block: Rec): SiteTest[] {
  const tests = block.tests && typeof block.tests === 'object' ? (block.tests as Rec) : {};
  const out: SiteTest[] = [];
  for (const expect of ['fire', 'quiet'] as const) {
    const list = Array.isArray(tests[expect]) ? (tests[expect] as unknown[]) : [];
    for (const t of list) {
      const o = t && typeof t === 'object' ? (t as Rec) : {};
      const id = typeof t === 'string' ? t : str(o.id ?? o.name);
      if (id) out.push({ id, expect, description: str(o.description ?? o.scenario) });
    }
  }
  return out;
}

/** Positions and texts of diagnostics, without the file (a page is one file). */
export function siteDiagnostics(list: readonly Diagnostic[]): SiteDiagnostic[] {
  return list.map((d) => ({
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    code: d.code,
    check: d.check,
    message: d.message,
  }));
}

/** Plain text start of a Markdown description for cards and search. */
export function summaryOf(description: string): string {
  const plain = description
    .replace(/[`*_#>[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 240 ? `${plain.slice(0, 237)}...` : plain;
}

/** The index summary of a rule (conversion counts filled by the caller). */
export function summarise(
  rule: DetectionRule | CorrelationRule,
  slug: string,
  file: string,
  knownTactics: ReadonlySet<string> | undefined,
): Omit<RuleSummary, 'converted' | 'errors'> {
  const block = triplineBlock(rule);
  const collection: Collection = rule.meta.custom.tripline !== undefined ? 'tripline' : 'community';
  const product = rule.kind === 'detection' ? rule.logsource.product : undefined;
  return {
    slug,
    id: rule.meta.id,
    kind: rule.kind,
    title: rule.meta.title,
    summary: summaryOf(rule.meta.description ?? ''),
    level: rule.meta.level ?? 'unknown',
    status: rule.meta.status ?? 'unknown',
    confidence: str(block.confidence) || 'unrated',
    tactics: tacticsOf(rule.meta.tags, knownTactics),
    techniques: techniquesOf(rule.meta.tags),
    platforms: product ? [product] : [],
    dataSources: dataSourcesOf(rule, block),
    collection,
    file,
    date: rule.meta.date ?? '',
    author: rule.meta.author ?? '',
    tags: rule.meta.tags,
  };
}
