/**
 * Microsoft Sentinel: one scheduled analytics rule YAML per rule in the Azure-Sentinel repository's
 * Detections/ form, plus one ARM template (alertRules, API 2023-02-01) deployable with
 * `az deployment group create --template-file azuredeploy.json --parameters workspace=<name>`.
 */
import { stringify } from 'yaml';
import { pascalTactic } from './attack.js';
import { countRange, firstViolation, type Limit, maxLength, numberRange } from './limits.js';
import { isoDuration, levelOf, parseDuration, ruleGuid, shortDuration } from './meta.js';
import { dataConnectors, type EntityMapping, entityMappings, kqlTables } from './sentinel-entities.js';
import { skip } from './skip.js';
import { ruleTactics, ruleTechniques } from './threat.js';
import type { ExportFile, ExportOptions, ExportResult, ExportRule, Platform, Skipped } from './types.js';

/** A Sentinel analytics rule template (the YAML of Azure-Sentinel's Detections/). */
export interface SentinelTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly severity: 'Informational' | 'Low' | 'Medium' | 'High';
  readonly requiredDataConnectors: readonly { connectorId: string; dataTypes: string[] }[];
  readonly queryFrequency?: string;
  readonly queryPeriod?: string;
  readonly triggerOperator?: 'gt';
  readonly triggerThreshold?: number;
  readonly tactics: readonly string[];
  readonly relevantTechniques: readonly string[];
  readonly query: string;
  readonly entityMappings: readonly EntityMapping[];
  readonly customDetails?: Readonly<Record<string, string>>;
  readonly version: string;
  readonly kind: 'Scheduled' | 'NRT';
}

const SEVERITY = {
  informational: 'Informational',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'High',
} as const;
const MIN_PERIOD = 5 * 60;
const MAX_PERIOD = 14 * 86400;
const CUSTOM_KEY = /^[a-zA-Z]+\w*$/;
const COLUMN = /^[a-zA-Z_]+\w*$/;

/** Sentinel's template limits (Azure-Sentinel template validation, summarised in shared MODEL_CONSTRAINTS.md). */
export const SENTINEL_LIMITS: readonly Limit<SentinelTemplate>[] = [
  maxLength('sentinel.query-length', 'query', 10_000, (t) => t.query),
  maxLength('sentinel.name-length', 'name', 256, (t) => t.name),
  maxLength('sentinel.description-length', 'description', 5000, (t) => t.description),
  countRange('sentinel.entity-mappings', 'entity mappings', 0, 5, (t) => t.entityMappings.length),
  {
    name: 'sentinel.field-mappings',
    check: (t) =>
      t.entityMappings.find((e) => e.fieldMappings.length < 1 || e.fieldMappings.length > 3)
        ? 'each entity mapping takes 1 to 3 field mappings'
        : undefined,
  },
  countRange('sentinel.custom-details', 'custom details', 0, 20, (t) => Object.keys(t.customDetails ?? {}).length),
  {
    name: 'sentinel.custom-details',
    check: (t) => {
      const bad = Object.entries(t.customDetails ?? {}).find(
        ([k, v]) => k.length > 20 || !CUSTOM_KEY.test(k) || !COLUMN.test(v),
      );
      return bad ? `custom detail '${bad[0]}' -> '${bad[1]}' is not a valid key/column name` : undefined;
    },
  },
  numberRange('sentinel.query-frequency', 'queryFrequency (seconds)', MIN_PERIOD, MAX_PERIOD, (t) =>
    t.kind === 'NRT' ? MIN_PERIOD : (parseDuration(t.queryFrequency ?? '') ?? Number.NaN),
  ),
  numberRange('sentinel.query-period', 'queryPeriod (seconds)', MIN_PERIOD, MAX_PERIOD, (t) =>
    t.kind === 'NRT' ? MIN_PERIOD : (parseDuration(t.queryPeriod ?? '') ?? Number.NaN),
  ),
  {
    name: 'sentinel.query-period',
    check: (t) =>
      t.kind === 'Scheduled' && (parseDuration(t.queryPeriod ?? '') ?? 0) < (parseDuration(t.queryFrequency ?? '') ?? 0)
        ? `queryPeriod ${t.queryPeriod} is shorter than queryFrequency ${t.queryFrequency}; raise --lookback`
        : undefined,
  },
];

/** Builds the template of one rule. */
export function sentinelTemplate(r: ExportRule, options: ExportOptions): SentinelTemplate {
  const meta = r.rule.meta;
  const tables = kqlTables(r.query);
  const nrt = options.schedule === 'nrt' && r.rule.kind === 'detection';
  const freq = parseDuration(options.schedule);
  const period = parseDuration(options.lookback);
  const details = Object.fromEntries(
    r.outputFields
      .filter(([, column]) => COLUMN.test(column))
      .slice(0, 20)
      .map(([name, column]) => [
        name
          .replace(/[^A-Za-z0-9_]/g, '')
          .replace(/^[^A-Za-z]+/, '')
          .slice(0, 20),
        column,
      ]),
  );
  // A correlation's results hold only its group-by columns; a single-event query keeps every table column.
  const columns = r.rule.kind === 'correlation' ? [] : tables;
  return {
    id: ruleGuid(meta),
    name: meta.title,
    description: (meta.description ?? meta.title).trim(),
    severity: SEVERITY[levelOf(meta)],
    requiredDataConnectors: dataConnectors(tables),
    ...(nrt
      ? {}
      : {
          queryFrequency: freq === undefined ? options.schedule : shortDuration(freq),
          queryPeriod: period === undefined ? options.lookback : shortDuration(period),
          triggerOperator: 'gt' as const,
          triggerThreshold: 0,
        }),
    tactics: ruleTactics(meta, options.attack).map((t) => pascalTactic(t.name)),
    relevantTechniques: ruleTechniques(meta),
    query: r.query,
    entityMappings: entityMappings(r.fields, columns).slice(0, 5),
    ...(Object.keys(details).length ? { customDetails: details } : {}),
    version: '1.0.0',
    kind: nrt ? 'NRT' : 'Scheduled',
  };
}

/** The ARM resource of one template (Microsoft.OperationalInsights/workspaces/providers/alertRules). */
export function armResource(t: SentinelTemplate): object {
  const seconds = (d: string | undefined) => isoDuration(parseDuration(d ?? '5m') ?? 300);
  return {
    type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules',
    apiVersion: '2023-02-01',
    name: `[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', '${t.id}')]`,
    kind: 'Scheduled',
    properties: {
      displayName: t.name,
      description: t.description,
      severity: t.severity,
      enabled: true,
      query: t.query,
      queryFrequency: seconds(t.queryFrequency),
      queryPeriod: seconds(t.queryPeriod),
      triggerOperator: 'GreaterThan',
      triggerThreshold: t.triggerThreshold ?? 0,
      suppressionEnabled: false,
      suppressionDuration: 'PT5H',
      tactics: t.tactics,
      techniques: [...new Set(t.relevantTechniques.map((x) => x.split('.')[0]))],
      ...(t.entityMappings.length ? { entityMappings: t.entityMappings } : {}),
      ...(t.customDetails ? { customDetails: t.customDetails } : {}),
      eventGroupingSettings: { aggregationKind: 'SingleAlert' },
      incidentConfiguration: {
        createIncident: true,
        groupingConfiguration: {
          enabled: false,
          reopenClosedIncident: false,
          lookbackDuration: 'PT5H',
          matchingMethod: 'AllEntities',
        },
      },
      templateVersion: t.version,
    },
  };
}

/** The ARM deployment template holding every rule. */
export function armTemplate(templates: readonly SentinelTemplate[]): object {
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { workspace: { type: 'string', metadata: { description: 'Log Analytics workspace of Sentinel' } } },
    resources: templates.map(armResource),
  };
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  const files: ExportFile[] = [];
  const skipped: Skipped[] = [];
  const ok: SentinelTemplate[] = [];
  for (const r of rules) {
    const t = sentinelTemplate(r, options);
    const error = firstViolation(SENTINEL_LIMITS, t);
    if (error) {
      skipped.push(skip(r, error));
      continue;
    }
    ok.push(t);
    files.push({ path: `Detections/${r.slug}.yaml`, content: stringify(t, { lineWidth: 0, blockQuote: 'literal' }) });
  }
  files.push({ path: 'azuredeploy.json', content: `${JSON.stringify(armTemplate(ok), null, 2)}\n` });
  return { files, skipped };
}

/** The Sentinel platform: KQL over Defender XDR tables, else over the ASIM parsers. */
export const SENTINEL: Platform = {
  name: 'sentinel',
  title: 'Microsoft Sentinel analytics rules (YAML templates + ARM)',
  queries: () => [
    { target: 'kql', pipelines: ['mde'] },
    { target: 'kql', pipelines: ['sentinel-asim'] },
  ],
  write,
};
