/**
 * Builds the per-rule page data. Consumes a loaded RuleSet, its check diagnostics, the converted queries,
 * telemetry and test results; produces one `SiteRule` per detection or correlation rule (filters are not
 * pages), with stable unique slugs.
 */
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule, FilterRule } from '../ir/types.js';
import type { RuleSet } from '../ruleset/types.js';
import { siteDiagnostics, str, strList, summarise, testsOf, triplineBlock } from './meta.js';
import { ruleKey } from './queries.js';
import type { TestResults } from './results.js';
import type { RelatedRule, SiteEvent, SiteRule, SiteTest, TargetQueries } from './types.js';

type Rec = Readonly<Record<string, unknown>>;
type AnyRule = DetectionRule | CorrelationRule;

/** What the page builder reads besides the rule set. */
export interface RuleInputs {
  readonly diagnostics: readonly Diagnostic[];
  readonly queries: ReadonlyMap<string, readonly TargetQueries[]>;
  readonly texts: ReadonlyMap<string, string>;
  readonly displayName: (file: string) => string;
  readonly knownTactics?: ReadonlySet<string>;
  readonly telemetry?: (rule: AnyRule, tests: readonly SiteTest[]) => SiteEvent[];
  readonly results?: TestResults;
}

/** A lower-case slug of a title or file name. */
export function slugify(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'rule'
  );
}

/** Assigns each rule a unique slug: the file name, plus the title when a file holds several rules. */
export function assignSlugs(rules: readonly AnyRule[]): Map<AnyRule, string> {
  const perFile = new Map<string, number>();
  for (const r of rules) perFile.set(r.origin.file, (perFile.get(r.origin.file) ?? 0) + 1);
  const used = new Set<string>();
  const out = new Map<AnyRule, string>();
  for (const r of rules) {
    const base = slugify(basename(r.origin.file, extname(r.origin.file)));
    let slug = (perFile.get(r.origin.file) ?? 0) > 1 ? `${base}--${slugify(r.meta.title)}` : base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    out.set(r, slug);
  }
  return out;
}

/** Builds every page of the set. */
export function buildRulePages(ruleSet: RuleSet, inputs: RuleInputs): SiteRule[] {
  const rules: AnyRule[] = [...ruleSet.detections, ...ruleSet.correlations].sort(
    (a, b) =>
      (a.origin.file < b.origin.file ? -1 : a.origin.file > b.origin.file ? 1 : 0) ||
      a.origin.document - b.origin.document,
  );
  const slugs = assignSlugs(rules);
  const byRef = new Map<string, AnyRule>();
  for (const r of rules) for (const k of [r.meta.id, r.meta.name]) if (k) byRef.set(k, r);
  const diagsByFile = new Map<string, Diagnostic[]>();
  for (const d of inputs.diagnostics) diagsByFile.set(d.file, [...(diagsByFile.get(d.file) ?? []), d]);
  const withFilters = { ...inputs, filters: ruleSet.filters };
  return rules.map((rule) => rulePage(rule, slugs, byRef, diagsByFile.get(rule.origin.file) ?? [], withFilters));
}

function rulePage(
  rule: AnyRule,
  slugs: ReadonlyMap<AnyRule, string>,
  byRef: ReadonlyMap<string, AnyRule>,
  diagnostics: readonly Diagnostic[],
  inputs: RuleInputs & { readonly filters: readonly FilterRule[] },
): SiteRule {
  const block = triplineBlock(rule);
  const targets = inputs.queries.get(ruleKey(rule)) ?? [];
  const tests = withResults(testsOf(block), rule, inputs.results);
  const testResults = inputs.results?.rule(rule.meta.id ?? '') ?? inputs.results?.rule(rule.meta.title);
  const base = summarise(rule, slugs.get(rule) ?? 'rule', inputs.displayName(rule.origin.file), inputs.knownTactics);
  return {
    ...base,
    converted: targets.filter((t) => t.options.some((o) => o.queries.length > 0)).length,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    description: rule.meta.description ?? '',
    references: rule.meta.references,
    falsePositives: [...rule.meta.falsepositives, ...strList(block.false_positives)],
    fields: rule.meta.fields,
    logsource: rule.kind === 'detection' ? logsourceRecord(rule) : {},
    dataSourceDetails: dataSourceDetails(block),
    requiredTables: requiredTables(block),
    tuning: tuningOf(block),
    tests,
    ...(testResults ? { testResults } : {}),
    investigation: str(block.investigation),
    playbook: str(block.playbook),
    hunting: strList(block.hunting),
    related: relatedOf(rule, block, byRef, slugs),
    ruleText: inputs.texts.get(rule.origin.file) ?? '',
    diagnostics: siteDiagnostics(diagnostics),
    targets,
    telemetry: inputs.telemetry ? inputs.telemetry(rule, tests) : [],
    ...companionsOf(rule, byRef, inputs.filters, inputs),
  };
}

function logsourceRecord(rule: DetectionRule): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rule.logsource)) if (typeof v === 'string') out[k] = v;
  return out;
}

function dataSourceDetails(block: Rec): { component: string; source: string }[] {
  if (!Array.isArray(block.data_sources)) return [];
  return block.data_sources
    .map((d) =>
      d && typeof d === 'object'
        ? { component: str((d as Rec).component), source: str((d as Rec).source) }
        : { component: str(d), source: '' },
    )
    .filter((d) => d.component || d.source);
}

function requiredTables(block: Rec): Record<string, string[]> {
  const t = block.required_tables;
  if (!t || typeof t !== 'object' || Array.isArray(t)) return {};
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(t as Rec)) out[k] = strList(v);
  return out;
}

function tuningOf(block: Rec): { description: string; filter: string }[] {
  const t = block.tuning;
  if (typeof t === 'string') return [{ description: t, filter: '' }];
  if (!Array.isArray(t)) return [];
  return t.map((x) =>
    x && typeof x === 'object'
      ? { description: str((x as Rec).description), filter: filterLabel((x as Rec).filter) }
      : { description: str(x), filter: '' },
  );
}

/** A tuning filter: its file, or a note for an inline filter (searches and condition in the block). */
function filterLabel(f: unknown): string {
  return typeof f === 'string' ? f : f && typeof f === 'object' ? 'inline filter in the rule' : '';
}

function relatedOf(
  rule: AnyRule,
  block: Rec,
  byRef: ReadonlyMap<string, AnyRule>,
  slugs: ReadonlyMap<AnyRule, string>,
): RelatedRule[] {
  const refs: { id: string; relation: string }[] = [
    ...rule.meta.related.map((r) => ({ id: r.id, relation: r.type })),
    ...strList(block.related).map((id) => ({ id, relation: 'related' })),
    ...(rule.kind === 'correlation' ? rule.rules.map((id) => ({ id, relation: 'correlates' })) : []),
  ];
  const seen = new Set<string>();
  return refs
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => {
      const target = byRef.get(r.id);
      return target ? { ...r, slug: slugs.get(target), title: target.meta.title } : r;
    });
}

/**
 * Texts of other files the rule needs in the browser: the base rules of a correlation (`companions`) and the
 * Sigma filters that apply to the rule or to those base rules (`filters`, the opt-in tuning).
 */
function companionsOf(
  rule: AnyRule,
  byRef: ReadonlyMap<string, AnyRule>,
  filters: readonly FilterRule[],
  inputs: RuleInputs,
): Pick<SiteRule, 'companions' | 'filters'> {
  const bases = rule.kind === 'correlation' ? rule.rules.map((r) => byRef.get(r)).filter((r) => r !== undefined) : [];
  const names = new Set([rule, ...bases].flatMap((r) => [r.meta.id, r.meta.name]).filter((n) => n !== undefined));
  const texts = (files: Iterable<string>) => {
    const out: Record<string, string> = {};
    for (const file of files)
      if (file !== rule.origin.file) out[inputs.displayName(file)] = inputs.texts.get(file) ?? '';
    return out;
  };
  return {
    companions: texts(new Set(bases.map((b) => b.origin.file))),
    filters: texts(new Set(filters.filter((f) => f.rules.some((r) => names.has(r))).map((f) => f.origin.file))),
  };
}

function withResults(tests: SiteTest[], rule: AnyRule, results: TestResults | undefined): SiteTest[] {
  if (!results) return tests;
  return tests.map((t) => {
    const r = results.lookup(rule.meta.id ?? rule.meta.title, t.id);
    return r ? { ...t, result: r } : t;
  });
}
