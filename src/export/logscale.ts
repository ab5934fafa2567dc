/**
 * CrowdStrike Falcon LogScale: one Kubernetes resource per rule for the humio-operator — a HumioFilterAlert
 * for single-event rules, a HumioAggregateAlert for correlations (aggregate queries over a search interval).
 */
import { stringify } from 'yaml';
import { firstViolation, type Limit } from './limits.js';
import { parseDuration } from './meta.js';
import { skip } from './skip.js';
import type { ExportFile, ExportOptions, ExportResult, ExportRule, Platform, Skipped } from './types.js';

/** Where the alerts are created: the LogScale view and the operator-managed cluster (edit after export). */
export const LOGSCALE_DEFAULTS = { viewName: 'tripline', managedClusterName: 'humio', actions: [] as string[] };

/** Functions that make a query an aggregate (not allowed in filter alerts). */
const AGGREGATE =
  /\b(groupBy|count|sum|avg|max|min|stats|timeChart|bucket|top|series|window|correlate|collect|selectLast)\s*\(/;

/** LogScale limits: filter alerts take no aggregation; throttling at least 60 s. */
export const LOGSCALE_LIMITS: readonly Limit<{ r: ExportRule; throttle: number }>[] = [
  {
    name: 'logscale.filter-aggregate',
    check: ({ r }) =>
      r.rule.kind === 'detection' && AGGREGATE.test(r.query) ? 'a filter alert query cannot aggregate' : undefined,
  },
  {
    name: 'logscale.throttle',
    check: ({ throttle }) => (throttle >= 60 ? undefined : `throttle ${throttle}s is below the 60s minimum`),
  },
];

/** The operator resource of one rule. */
export function logscaleResource(r: ExportRule, options: ExportOptions): Record<string, unknown> {
  const meta = r.rule.meta;
  const throttle = parseDuration(options.schedule) ?? 300;
  const common = {
    ...LOGSCALE_DEFAULTS,
    name: meta.title,
    queryString: r.query,
    description: (meta.description ?? meta.title).trim(),
    enabled: true,
    labels: [
      'tripline',
      ...(meta.level ? [`level:${meta.level}`] : []),
      ...meta.tags.filter((t) => t.startsWith('attack.')),
    ],
  };
  const name = r.slug.replace(/_/g, '-').slice(0, 63).replace(/-+$/, '');
  if (r.rule.kind === 'detection')
    return {
      apiVersion: 'core.humio.com/v1alpha1',
      kind: 'HumioFilterAlert',
      metadata: { name },
      spec: { ...common, throttleField: '@id', throttleTimeSeconds: Math.max(60, throttle) },
    };
  return {
    apiVersion: 'core.humio.com/v1alpha1',
    kind: 'HumioAggregateAlert',
    metadata: { name },
    spec: {
      ...common,
      searchIntervalSeconds: parseDuration(options.lookback) ?? Math.ceil(r.rule.timespanMs / 1000),
      throttleTimeSeconds: Math.max(60, throttle),
      triggerMode: 'CompleteMode',
      queryTimestampType: 'EventTimestamp',
    },
  };
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  const files: ExportFile[] = [];
  const skipped: Skipped[] = [];
  for (const r of rules) {
    const error = firstViolation(LOGSCALE_LIMITS, { r, throttle: Math.max(60, parseDuration(options.schedule) ?? 0) });
    if (error) skipped.push(skip(r, error));
    else
      files.push({ path: `alerts/${r.slug}.yaml`, content: stringify(logscaleResource(r, options), { lineWidth: 0 }) });
  }
  return { files, skipped };
}

/** The LogScale platform (CQL with the falcon pipeline by default). */
export const LOGSCALE: Platform = {
  name: 'logscale',
  title: 'Falcon LogScale filter/aggregate alerts (humio-operator resources)',
  queries: () => [{ target: 'logscale', pipelines: ['falcon'] }],
  write,
};
