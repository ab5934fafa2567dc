/** Reads the metadata shared by every Sigma rule kind into the frozen `RuleMeta` of the IR. */
import type { Logsource, RelatedRule, RuleMeta } from './types.js';

/** Top-level keys Sigma defines for rules, correlations and filters; anything else is custom metadata. */
export const STANDARD_KEYS = new Set([
  'title',
  'id',
  'name',
  'related',
  'taxonomy',
  'status',
  'description',
  'license',
  'author',
  'references',
  'date',
  'modified',
  'logsource',
  'detection',
  'fields',
  'falsepositives',
  'level',
  'tags',
  'scope',
  'correlation',
  'filter',
  'generate',
]);

/** Extracts metadata from a rule's plain object. */
export function readMeta(data: Readonly<Record<string, unknown>>): RuleMeta {
  const custom: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!STANDARD_KEYS.has(k)) custom[k] = v;
  return Object.freeze({
    id: str(data.id),
    name: str(data.name),
    title: str(data.title) ?? '(untitled)',
    status: str(data.status),
    level: str(data.level),
    description: str(data.description),
    license: str(data.license),
    author: str(data.author),
    date: dateStr(data.date),
    modified: dateStr(data.modified),
    references: strings(data.references),
    tags: strings(data.tags),
    falsepositives: strings(data.falsepositives),
    fields: strings(data.fields),
    related: Object.freeze(related(data.related)),
    custom: Object.freeze(custom),
  });
}

/** Reads a `logsource` map. */
export function readLogsource(value: unknown): Logsource {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: { -readonly [K in keyof Logsource]: Logsource[K] } = {};
  for (const key of ['category', 'product', 'service', 'definition'] as const) {
    const s = str(v[key]);
    if (s !== undefined) out[key] = s;
  }
  return Object.freeze(out);
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : String(v);
}

function dateStr(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return str(v);
}

function strings(v: unknown): readonly string[] {
  if (v === undefined || v === null) return Object.freeze([]);
  const list = Array.isArray(v) ? v : [v];
  return Object.freeze(
    list.filter((x) => x !== null && x !== undefined).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))),
  );
}

function related(v: unknown): RelatedRule[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
    .map((r) => Object.freeze({ id: String(r.id ?? ''), type: String(r.type ?? '') }));
}
