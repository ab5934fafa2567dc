/**
 * Microsoft Defender XDR custom detection rules in the Microsoft Graph security `detectionRule` shape
 * (POST /security/rules/detectionRules), one JSON file per rule plus `rules.json` with all of them.
 */
import { pascalTactic } from './attack.js';
import { firstViolation, type Limit, maxLength } from './limits.js';
import { levelOf, parseDuration, triplineOf } from './meta.js';
import { kqlTables } from './sentinel-entities.js';
import { skip } from './skip.js';
import { ruleTactics, ruleTechniques } from './threat.js';
import type { ExportFile, ExportOptions, ExportResult, ExportRule, Platform, Skipped } from './types.js';

/** A Graph security detectionRule (the writable part). */
export interface DefenderRule {
  readonly displayName: string;
  readonly isEnabled: boolean;
  readonly queryCondition: { readonly queryText: string };
  readonly schedule: { readonly period: string };
  readonly detectionAction: {
    readonly alertTemplate: {
      readonly title: string;
      readonly description: string;
      readonly severity: 'informational' | 'low' | 'medium' | 'high';
      readonly category: string;
      readonly mitreTechniques: readonly string[];
      readonly recommendedActions: string | null;
      readonly impactedAssets: readonly { '@odata.type': string; identifier: string }[];
    };
    readonly organizationalScope: null;
    readonly responseActions: readonly never[];
  };
}

/** Run frequencies custom detections offer (`0` is continuous / near real time), in seconds. */
const PERIODS: readonly [string, number][] = [
  ['1H', 3600],
  ['3H', 3 * 3600],
  ['12H', 12 * 3600],
  ['24H', 86400],
];

/** The Defender period for a `--schedule`: `0` for `nrt`, else the shortest period not more frequent. */
export function defenderPeriod(schedule: string): string | undefined {
  if (schedule === 'nrt') return '0';
  const s = parseDuration(schedule);
  if (s === undefined) return undefined;
  return PERIODS.find(([, p]) => p >= s)?.[0];
}

/** Defender's limits: advanced-hunting tables only, and the columns an alert needs. */
export const DEFENDER_LIMITS: readonly Limit<DefenderRule>[] = [
  maxLength('defender.query-length', 'query', 10_000, (r) => r.queryCondition.queryText),
  {
    name: 'defender.table',
    check: (r) => {
      const bad = kqlTables(r.queryCondition.queryText).find(
        (t) => !/^(Device|Email|Identity|Cloud|Url|Alert)\w+$/.test(t),
      );
      return bad ? `table '${bad}' is not an advanced-hunting table (use the mde pipeline)` : undefined;
    },
  },
  {
    name: 'defender.required-columns',
    check: (r) =>
      /\|\s*(summarize|project|distinct)\b/.test(r.queryCondition.queryText)
        ? 'custom detections need Timestamp, ReportId and DeviceId in the results; the query aggregates them away'
        : undefined,
  },
  {
    name: 'defender.schedule',
    check: (r) =>
      r.schedule.period ? undefined : 'the schedule is longer than 24h, the longest custom detection period',
  },
];

const SEVERITY = {
  informational: 'informational',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'high',
} as const;

/** Builds the detectionRule of one rule. */
export function defenderRule(r: ExportRule, options: ExportOptions): DefenderRule {
  const meta = r.rule.meta;
  const tables = kqlTables(r.query);
  const tactic = ruleTactics(meta, options.attack)[0];
  return {
    displayName: meta.title,
    isEnabled: true,
    queryCondition: { queryText: r.query },
    schedule: { period: defenderPeriod(options.schedule) ?? '' },
    detectionAction: {
      alertTemplate: {
        title: meta.title,
        description: (meta.description ?? meta.title).trim(),
        severity: SEVERITY[levelOf(meta)],
        category: tactic ? pascalTactic(tactic.name) : 'SuspiciousActivity',
        mitreTechniques: ruleTechniques(meta),
        recommendedActions: triplineOf(meta).playbook?.trim() ?? null,
        impactedAssets: [
          { '@odata.type': '#microsoft.graph.security.impactedDeviceAsset', identifier: 'deviceId' },
          ...(tables.includes('DeviceProcessEvents')
            ? [{ '@odata.type': '#microsoft.graph.security.impactedUserAsset', identifier: 'accountSid' }]
            : []),
        ],
      },
      organizationalScope: null,
      responseActions: [],
    },
  };
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  const files: ExportFile[] = [];
  const skipped: Skipped[] = [];
  const all: DefenderRule[] = [];
  for (const r of rules) {
    const d = defenderRule(r, options);
    const error = firstViolation(DEFENDER_LIMITS, d);
    if (error) skipped.push(skip(r, error));
    else {
      all.push(d);
      files.push({ path: `rules/${r.slug}.json`, content: `${JSON.stringify(d, null, 2)}\n` });
    }
  }
  files.push({ path: 'rules.json', content: `${JSON.stringify(all, null, 2)}\n` });
  return { files, skipped };
}

/** The Defender XDR platform (KQL over advanced-hunting tables). */
export const DEFENDER: Platform = {
  name: 'defender',
  title: 'Microsoft Defender XDR custom detection rules (Graph detectionRule JSON)',
  queries: () => [{ target: 'kql', pipelines: ['mde'] }],
  write,
};
