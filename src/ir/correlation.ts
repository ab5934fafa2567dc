/** Builds Sigma correlation rules into the IR, checking type, timespan, condition, group-by and aliases. */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { SigmaDocument } from '../sigma/types.js';
import { spanOf } from '../sigma/yaml.js';
import { readMeta } from './meta.js';
import type { CorrelationCondition, CorrelationRule, CorrelationType, RuleOrigin } from './types.js';

const TYPES: readonly CorrelationType[] = [
  'event_count',
  'value_count',
  'value_sum',
  'value_avg',
  'value_percentile',
  'temporal',
  'temporal_ordered',
];
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const BOUNDS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;

/** Parses a Sigma timespan such as `90m` into milliseconds. */
export function parseTimespan(text: string): number | undefined {
  const m = /^(\d+)([smhdw])$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
}

/** Builds a correlation rule; reports every malformed attribute at its position. */
export function buildCorrelation(
  doc: SigmaDocument,
  origin: RuleOrigin,
  diagnostics: Diagnostic[],
): CorrelationRule | undefined {
  const c = doc.data.correlation as Record<string, unknown> | undefined;
  const bad = (path: string[], message: string) =>
    diagnostics.push(report('invalid-correlation', doc.file, spanOf(doc.yaml, ['correlation', ...path]), message));
  if (!c || typeof c !== 'object' || Array.isArray(c)) {
    bad([], '`correlation` must be a map with type, rules, timespan and (for counts) condition');
    return undefined;
  }
  const type = c.type as CorrelationType;
  if (!TYPES.includes(type)) {
    bad(['type'], `correlation type '${String(c.type)}' is not one of ${TYPES.join(', ')}`);
    return undefined;
  }
  const rules = Array.isArray(c.rules) ? c.rules.map(String) : typeof c.rules === 'string' ? [c.rules] : [];
  if (rules.length === 0) bad(['rules'], '`rules` must list the ids or names of the correlated rules');
  const timespan = String(c.timespan ?? '');
  const timespanMs = parseTimespan(timespan);
  if (timespanMs === undefined)
    bad(['timespan'], `timespan '${timespan}' must be a number and one of s, m, h, d (e.g. 5m)`);
  const groupBy = Array.isArray(c['group-by'])
    ? c['group-by'].map(String)
    : typeof c['group-by'] === 'string'
      ? [c['group-by']]
      : [];
  const condition = readCorrelationCondition(type, c.condition, bad);
  if ((type === 'temporal' || type === 'temporal_ordered') && rules.length < 2) {
    bad(['rules'], `${type} correlates at least two rules`);
  }
  return Object.freeze({
    kind: 'correlation',
    origin,
    meta: readMeta(doc.data),
    type,
    rules: Object.freeze(rules),
    groupBy: Object.freeze(groupBy),
    timespanMs: timespanMs ?? 0,
    timespan,
    condition,
    aliases: readAliases(c.aliases, bad),
    generate: c.generate === true || doc.data.generate === true,
  });
}

function readCorrelationCondition(
  type: CorrelationType,
  value: unknown,
  bad: (p: string[], m: string) => void,
): CorrelationCondition {
  const temporal = type === 'temporal' || type === 'temporal_ordered';
  if (value === undefined) {
    if (!temporal) bad(['condition'], `${type} needs a condition such as \`gte: 10\``);
    return Object.freeze({});
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    bad(['condition'], 'condition must be a map like `gte: 10`');
    return Object.freeze({});
  }
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    if ((BOUNDS as readonly string[]).includes(key)) {
      if (typeof v[key] !== 'number') bad(['condition', key], `condition '${key}' must be a number`);
      else out[key] = v[key];
    } else if (key === 'field') out.field = String(v.field);
    else if (key === 'percentile') out.percentile = Number(v.percentile);
    else bad(['condition', key], `unknown condition key '${key}': use gt, gte, lt, lte, eq, neq or field`);
  }
  const needsField =
    type === 'value_count' || type === 'value_sum' || type === 'value_avg' || type === 'value_percentile';
  if (needsField && out.field === undefined) bad(['condition'], `${type} needs \`field\` in its condition`);
  if (!BOUNDS.some((b) => b in out)) bad(['condition'], 'condition needs at least one of gt, gte, lt, lte, eq, neq');
  return Object.freeze(out as CorrelationCondition);
}

function readAliases(value: unknown, bad: (p: string[], m: string) => void): CorrelationRule['aliases'] {
  if (value === undefined || value === null) return Object.freeze({});
  if (typeof value !== 'object' || Array.isArray(value)) {
    bad(['aliases'], 'aliases must map an alias to {rule name: field}');
    return Object.freeze({});
  }
  const out: Record<string, Readonly<Record<string, string>>> = {};
  for (const [alias, map] of Object.entries(value as Record<string, unknown>)) {
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      bad(['aliases', alias], `alias '${alias}' must map rule names to field names`);
      continue;
    }
    out[alias] = Object.freeze(Object.fromEntries(Object.entries(map).map(([k, f]) => [k, String(f)])));
  }
  return Object.freeze(out);
}
