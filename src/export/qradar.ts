/**
 * IBM QRadar: AQL saved searches as the Ariel API takes them, one JSON list (`name`, `description`, `aql`),
 * each search bounded by `LAST <lookback>` instead of the target's default window.
 */
import { firstViolation, type Limit, maxLength } from './limits.js';
import { parseDuration } from './meta.js';
import { skip } from './skip.js';
import type { ExportOptions, ExportResult, ExportRule, Platform, Skipped } from './types.js';

/** One Ariel saved search. */
export interface ArielSearch {
  readonly name: string;
  readonly description: string;
  readonly aql: string;
}

/** QRadar limits (saved search names are at most 255 characters). */
export const QRADAR_LIMITS: readonly Limit<ArielSearch>[] = [
  maxLength('qradar.name-length', 'search name', 255, (s) => s.name),
];

const WINDOW = /\s+(LAST\s+\d+\s+(MINUTES|HOURS|DAYS)|START\s+.*)\s*$/i;

/** The AQL with its time window set to `LAST <lookback in minutes> MINUTES`. */
export function withLookback(aql: string, lookback: string): string {
  const minutes = Math.max(1, Math.ceil((parseDuration(lookback) ?? 600) / 60));
  return `${aql.replace(WINDOW, '')} LAST ${minutes} MINUTES`;
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  const skipped: Skipped[] = [];
  const searches: ArielSearch[] = [];
  for (const r of rules) {
    const meta = r.rule.meta;
    const s = {
      name: meta.title,
      description: (meta.description ?? meta.title).trim(),
      aql: withLookback(r.query, options.lookback),
    };
    const error = firstViolation(QRADAR_LIMITS, s);
    if (error) skipped.push(skip(r, error));
    else searches.push(s);
  }
  return { files: [{ path: 'saved_searches.json', content: `${JSON.stringify(searches, null, 2)}\n` }], skipped };
}

/** The QRadar platform (AQL with the qradar pipeline). */
export const QRADAR: Platform = {
  name: 'qradar',
  title: 'IBM QRadar AQL saved searches (Ariel API JSON)',
  queries: () => [{ target: 'aql', pipelines: ['qradar'] }],
  write,
};
