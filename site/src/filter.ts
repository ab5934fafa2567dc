/** Search, filters and sorting of the rule index; all state lives in the URL's parameters. */
import MiniSearch from 'minisearch';
import type { RuleSummary } from '../../src/site/types.js';

/** A filterable facet: its URL parameter, label and the values of a rule. */
export interface Facet {
  readonly key: string;
  readonly label: string;
  readonly values: (r: RuleSummary) => readonly string[];
}

/** The index's facets, in display order. */
export const FACETS: readonly Facet[] = [
  { key: 'tactic', label: 'Tactic', values: (r) => r.tactics },
  { key: 'technique', label: 'Technique', values: (r) => r.techniques },
  { key: 'level', label: 'Level', values: (r) => [r.level] },
  { key: 'confidence', label: 'Confidence', values: (r) => [r.confidence] },
  { key: 'platform', label: 'Platform', values: (r) => r.platforms },
  { key: 'status', label: 'Status', values: (r) => [r.status] },
  { key: 'source', label: 'Data source', values: (r) => r.dataSources },
  { key: 'collection', label: 'Collection', values: (r) => [r.collection] },
];

const LEVEL_RANK: Readonly<Record<string, number>> = { critical: 5, high: 4, medium: 3, low: 2, informational: 1 };

/** Sort orders by URL value. */
export const SORTS: Readonly<Record<string, { label: string; compare: (a: RuleSummary, b: RuleSummary) => number }>> = {
  title: { label: 'Title', compare: (a, b) => a.title.localeCompare(b.title) },
  level: {
    label: 'Level (highest first)',
    compare: (a, b) => (LEVEL_RANK[b.level] ?? 0) - (LEVEL_RANK[a.level] ?? 0) || a.title.localeCompare(b.title),
  },
  date: {
    label: 'Date (newest first)',
    compare: (a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title),
  },
  technique: {
    label: 'Technique',
    compare: (a, b) => (a.techniques[0] ?? '~').localeCompare(b.techniques[0] ?? '~') || a.title.localeCompare(b.title),
  },
};

/** A full-text index over the rules (title, description, tags, techniques, file). */
export function searchIndex(rules: readonly RuleSummary[]): MiniSearch<RuleSummary> {
  const ms = new MiniSearch<RuleSummary>({
    idField: 'slug',
    fields: ['title', 'summary', 'tagText', 'file', 'id'],
    extractField: (doc, field) =>
      field === 'tagText'
        ? [...doc.tags, ...doc.techniques].join(' ')
        : String((doc as unknown as Record<string, unknown>)[field] ?? ''),
    searchOptions: { boost: { title: 3, tagText: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  ms.addAll(rules);
  return ms;
}

/** Applies the URL's query, filters and sort. */
export function selectRules(
  rules: readonly RuleSummary[],
  ms: MiniSearch<RuleSummary>,
  params: URLSearchParams,
): RuleSummary[] {
  const q = params.get('q')?.trim() ?? '';
  let list: RuleSummary[];
  if (q) {
    const bySlug = new Map(rules.map((r) => [r.slug, r]));
    list = ms
      .search(q)
      .map((h) => bySlug.get(String(h.id)))
      .filter((r): r is RuleSummary => r !== undefined);
  } else list = [...rules];
  for (const f of FACETS) {
    const want = params.get(f.key);
    if (want) list = list.filter((r) => f.values(r).includes(want));
  }
  const sort = SORTS[params.get('sort') ?? ''];
  if (sort) list.sort(sort.compare);
  else if (!q) list.sort(SORTS.title.compare);
  return list;
}

/** The values of a facet with their counts over a list, most frequent first. */
export function facetCounts(rules: readonly RuleSummary[], f: Facet): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of rules) for (const v of f.values(r)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
