/**
 * Google SecOps (Chronicle): one .yaral file per rule and the content_manager deployment state
 * (rule_config.yaml: rule name -> enabled, alerting, run_frequency, type) as chronicle/detection-rules'
 * content manager reads them.
 */
import { stringify } from 'yaml';
import { firstViolation, type Limit } from './limits.js';
import { LEVELS, levelOf, parseDuration } from './meta.js';
import { skip } from './skip.js';
import type { ExportFile, ExportOptions, ExportResult, ExportRule, Platform, Skipped } from './types.js';

/** One entry of rule_config.yaml (content_manager's RuleConfigEntry, writable fields). */
export interface SecOpsRuleConfig {
  readonly enabled: boolean;
  readonly alerting: boolean;
  readonly archived: boolean;
  readonly run_frequency: 'LIVE' | 'HOURLY' | 'DAILY';
  readonly type: 'SINGLE_EVENT' | 'MULTI_EVENT';
}

const MAX_MATCH_WINDOW_MS = 48 * 3600_000;

/** The YARA-L rule name of a query (`rule <name> {`). */
export function yaralName(query: string): string | undefined {
  return /^\s*rule\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/m.exec(query)?.[1];
}

/** SecOps limits: a named rule, and multi-event match windows of at most 48 hours. */
export const SECOPS_LIMITS: readonly Limit<ExportRule>[] = [
  {
    name: 'secops.rule-name',
    check: (r) => (yaralName(r.query) ? undefined : 'the YARA-L text has no `rule <name> {`'),
  },
  {
    name: 'secops.match-window',
    check: (r) =>
      r.rule.kind === 'correlation' && r.rule.timespanMs > MAX_MATCH_WINDOW_MS
        ? `match window ${r.rule.timespan} exceeds 48h, the longest YARA-L match window`
        : undefined,
  },
];

/** The deployment state of one rule: single-event rules run live; multi-event rules hourly or daily. */
export function secopsConfig(r: ExportRule, options: ExportOptions): SecOpsRuleConfig {
  const multi = r.rule.kind === 'correlation';
  const every = parseDuration(options.schedule) ?? 3600;
  return {
    enabled: true,
    alerting: LEVELS.indexOf(levelOf(r.rule.meta)) >= LEVELS.indexOf('medium'),
    archived: false,
    run_frequency: multi ? (every <= 3600 ? 'HOURLY' : 'DAILY') : 'LIVE',
    type: multi ? 'MULTI_EVENT' : 'SINGLE_EVENT',
  };
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  const files: ExportFile[] = [];
  const skipped: Skipped[] = [];
  const config: Record<string, SecOpsRuleConfig> = {};
  for (const r of rules) {
    const error = firstViolation(SECOPS_LIMITS, r);
    const name = yaralName(r.query);
    if (error || !name) {
      skipped.push(skip(r, error ?? { limit: 'secops.rule-name', reason: 'no rule name' }));
      continue;
    }
    if (config[name]) {
      skipped.push(
        skip(r, { limit: 'secops.rule-name', reason: `rule name '${name}' is already used by another rule` }),
      );
      continue;
    }
    config[name] = secopsConfig(r, options);
    files.push({ path: `rules/${name}.yaral`, content: `${r.query.trimEnd()}\n` });
  }
  files.push({ path: 'rule_config.yaml', content: Object.keys(config).length ? stringify(config) : '{}\n' });
  return { files, skipped };
}

/** The Google SecOps platform (YARA-L 2.0 over UDM). */
export const SECOPS: Platform = {
  name: 'secops',
  title: 'Google SecOps YARA-L rules + content_manager rule_config.yaml',
  queries: () => [{ target: 'yaral', pipelines: ['secops-udm'] }],
  write,
};
