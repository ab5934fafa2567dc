/**
 * Sumo Logic: scheduled searches as a content-library folder export (library.json, importable under
 * Library > Import), log monitors as a monitors-folder export (monitors.json, Monitors > Import) and Cloud SIEM
 * match rules (cloud-siem/match_rules.json; rules without one listed in cloud-siem/not_converted.json).
 */
import { CSE_EXPRESSION } from './cse-dialect.js';
import { firstViolation, type Limit, maxLength } from './limits.js';
import { levelOf, parseDuration } from './meta.js';
import { skip } from './skip.js';
import { CSE_TARGET, matchRule, notConverted } from './sumo-cse.js';
import type { ExportOptions, ExportResult, ExportRule, Platform, Skipped } from './types.js';

/** Sumo limits: content names at most 255 characters; queries at most 15,000 characters (search limit). */
export const SUMO_LIMITS: readonly Limit<ExportRule>[] = [
  maxLength('sumo.name-length', 'name', 255, (r) => r.rule.meta.title),
  maxLength('sumo.query-length', 'query', 15_000, (r) => r.query),
];

const TRIGGER = {
  informational: 'Warning',
  low: 'Warning',
  medium: 'Warning',
  high: 'Critical',
  critical: 'Critical',
} as const;

/** A Quartz cron (Sumo's scheduler syntax) for `--schedule`. */
export function quartzCron(schedule: string): string {
  const s = parseDuration(schedule) ?? 900;
  if (s < 3600) return `0 0/${Math.max(1, Math.round(s / 60))} * * * ? *`;
  if (s < 86400) return `0 0 0/${Math.round(s / 3600)} * * ? *`;
  return '0 0 0 * * ? *';
}

/** The scheduled search of one rule. */
export function scheduledSearch(r: ExportRule, options: ExportOptions): object {
  const range = `-${options.lookback}`;
  return {
    type: 'SavedSearchWithScheduleSyncDefinition',
    name: r.rule.meta.title,
    search: {
      queryText: r.query,
      defaultTimeRange: range,
      byReceiptTime: false,
      viewName: '',
      viewStartTime: '1970-01-01T00:00:00Z',
      queryParameters: [],
      parsingMode: 'Manual',
    },
    searchSchedule: {
      cronExpression: quartzCron(options.schedule),
      displayableTimeRange: range,
      parseableTimeRange: {
        type: 'BeginBoundedTimeRange',
        from: { type: 'RelativeTimeRangeBoundary', relativeTime: range },
        to: null,
      },
      timeZone: 'Etc/UTC',
      threshold: { thresholdType: 'message', operator: 'gt', count: 0 },
      notification: {
        taskType: 'SaveToLookupNotificationSyncDefinition',
        lookupFilePath: '/Library/tripline/detections',
        isLookupMergeOperation: true,
      },
      scheduleType: 'Custom',
      muteErrorEmails: false,
      parameters: [],
    },
    description: (r.rule.meta.description ?? r.rule.meta.title).trim(),
  };
}

/** The log monitor of one rule: triggers when the query returns any result over the lookback. */
export function logMonitor(r: ExportRule, options: ExportOptions): object {
  const range = `-${options.lookback}`;
  const level = TRIGGER[levelOf(r.rule.meta)];
  return {
    type: 'MonitorsLibraryMonitorExport',
    name: r.rule.meta.title,
    description: (r.rule.meta.description ?? r.rule.meta.title).trim(),
    monitorType: 'Logs',
    evaluationDelay: '0m',
    queries: [{ rowId: 'A', query: r.query }],
    triggers: [
      {
        detectionMethod: 'StaticCondition',
        triggerType: level,
        resolutionWindow: null,
        timeRange: range,
        threshold: 0,
        thresholdType: 'GreaterThan',
        occurrenceType: 'ResultCount',
        triggerSource: 'AllResults',
      },
      {
        detectionMethod: 'StaticCondition',
        triggerType: `Resolved${level}`,
        resolutionWindow: null,
        timeRange: range,
        threshold: 0,
        thresholdType: 'LessThanOrEqual',
        occurrenceType: 'ResultCount',
        triggerSource: 'AllResults',
      },
    ],
    notifications: [],
    isDisabled: false,
    groupNotifications: true,
    tags: Object.fromEntries(r.rule.meta.tags.filter((t) => t.startsWith('attack.')).map((t) => [t, 'tripline'])),
  };
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  const skipped: Skipped[] = [];
  const ok: ExportRule[] = [];
  for (const r of rules) {
    const error = firstViolation(SUMO_LIMITS, r);
    if (error) skipped.push(skip(r, error));
    else ok.push(r);
  }
  const library = {
    type: 'FolderSyncDefinition',
    name: 'tripline detections',
    description: 'Exported by tripline',
    children: ok.map((r) => scheduledSearch(r, options)),
  };
  const monitors = {
    type: 'MonitorsLibraryFolderExport',
    name: 'tripline detections',
    description: 'Exported by tripline',
    children: ok.map((r) => logMonitor(r, options)),
  };
  const matchRules = ok.map((r) => matchRule(r, options.attack)).filter((m) => m !== undefined);
  return {
    files: [
      { path: 'library.json', content: `${JSON.stringify(library, null, 2)}\n` },
      { path: 'monitors.json', content: `${JSON.stringify(monitors, null, 2)}\n` },
      { path: 'cloud-siem/match_rules.json', content: `${JSON.stringify(matchRules, null, 2)}\n` },
      { path: 'cloud-siem/not_converted.json', content: `${JSON.stringify(notConverted(ok), null, 2)}\n` },
    ],
    skipped,
  };
}

/** The Sumo Logic platform (Sumo search language with the sumo-sysmon pipeline by default). */
export const SUMO: Platform = {
  name: 'sumo',
  title: 'Sumo Logic scheduled searches and log monitors (content export JSON)',
  queries: () => [{ target: 'sumo', pipelines: ['sumo-sysmon'] }],
  also: (rule) =>
    rule.kind === 'detection' ? [{ target: CSE_TARGET, dialect: CSE_EXPRESSION, pipelines: ['sumo-cse'] }] : [],
  write,
};
