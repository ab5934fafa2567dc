/**
 * Splunk Enterprise Security: an app folder (default/savedsearches.conf with correlation searches, notable
 * and risk actions; default/macros.conf with one `<rule>_filter` tuning macro per rule, appended to each search
 * as Splunk's security_content does; default/app.conf; metadata/default.meta). The CLI packs it as a .tgz.
 */

import { VERSION } from '../version.js';
import { confText, type Stanza } from './conf.js';
import { firstViolation, type Limit, maxLength } from './limits.js';
import { levelOf, parseDuration, triplineOf } from './meta.js';
import { skip } from './skip.js';
import { ruleTactics, ruleTechniques } from './threat.js';
import type { ExportFile, ExportOptions, ExportResult, ExportRule, Platform, Skipped } from './types.js';

/** The app's folder name (and package id). */
export const SPLUNK_APP = 'tripline_detections';

const IMPACT = { informational: 10, low: 25, medium: 50, high: 75, critical: 100 } as const;
const CONFIDENCE = { low: 40, medium: 70, high: 90 } as const;
const NOTABLE_SEVERITY = {
  informational: 'informational',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
};
/** Result fields that name a system or a user, for risk objects (every Splunk event has `host`). */
const SYSTEM_FIELDS = ['dest', 'Computer', 'ComputerName', 'host'];
const USER_FIELDS = ['user', 'User', 'SubjectUserName', 'TargetUserName'];

/** Splunk's limits on a saved search. */
export const SPLUNK_LIMITS: readonly Limit<{ name: string; search: string }>[] = [
  maxLength('splunk.stanza-name', 'saved search name', 1024, (s) => s.name),
  {
    name: 'splunk.stanza-name',
    check: (s) => (/[[\]\n]/.test(s.name) ? 'the saved search name contains [, ] or a newline' : undefined),
  },
];

/** `--schedule` as a cron schedule: `*\/5 * * * *`, `0 *\/2 * * *`, `0 0 * * *`. */
export function cronSchedule(schedule: string): string | undefined {
  const s = parseDuration(schedule);
  if (s === undefined || s < 60) return undefined;
  if (s < 3600) return `*/${Math.round(s / 60)} * * * *`;
  if (s < 86400) return `0 */${Math.round(s / 3600)} * * *`;
  return '0 0 * * *';
}

/** The risk score: impact (level) x confidence / 100, as security_content computes it. */
export function riskScore(r: ExportRule): number {
  const meta = r.rule.meta;
  return Math.round((IMPACT[levelOf(meta)] * CONFIDENCE[triplineOf(meta).confidence ?? 'medium']) / 100);
}

function riskObjects(r: ExportRule): { risk_object_field: string; risk_object_type: string; risk_score: number }[] {
  const fields = r.rule.kind === 'correlation' ? r.fields : [...r.fields, 'host'];
  const score = riskScore(r);
  const system = SYSTEM_FIELDS.find((f) => fields.includes(f));
  const user = USER_FIELDS.find((f) => fields.includes(f));
  return [
    ...(system ? [{ risk_object_field: system, risk_object_type: 'system', risk_score: score }] : []),
    ...(user ? [{ risk_object_field: user, risk_object_type: 'user', risk_score: score }] : []),
  ];
}

/** The savedsearches.conf stanza of one rule. */
export function savedSearch(r: ExportRule, options: ExportOptions): Stanza {
  const meta = r.rule.meta;
  const risk = riskObjects(r);
  const drill = risk[0]?.risk_object_field;
  const annotations = {
    mitre_attack: ruleTechniques(meta),
    ...(meta.id ? { sigma_id: meta.id } : {}),
    confidence: triplineOf(meta).confidence ?? 'medium',
  };
  const desc = (meta.description ?? meta.title).trim();
  return {
    name: `tripline - ${meta.title} - Rule`,
    entries: [
      ['action.correlationsearch.enabled', 1],
      ['action.correlationsearch.label', `tripline - ${meta.title} - Rule`],
      ['action.correlationsearch.annotations', JSON.stringify(annotations)],
      ['action.notable', 1],
      ['action.notable.param.rule_title', meta.title],
      ['action.notable.param.rule_description', desc],
      ['action.notable.param.security_domain', 'endpoint'],
      ['action.notable.param.severity', NOTABLE_SEVERITY[levelOf(meta)]],
      ['action.notable.param.drilldown_name', drill ? `View the detection results for $${drill}$` : 'View the results'],
      [
        'action.notable.param.drilldown_search',
        drill
          ? `| savedsearch "tripline - ${meta.title} - Rule" | search ${drill}=$${drill}$`
          : `| savedsearch "tripline - ${meta.title} - Rule"`,
      ],
      ['action.notable.param.drilldown_earliest_offset', '$info_min_time$'],
      ['action.notable.param.drilldown_latest_offset', '$info_max_time$'],
      [
        'action.notable.param.mitre_attack',
        ruleTactics(meta, options.attack)
          .map((t) => t.name)
          .join(', '),
      ],
      ...(risk.length
        ? ([
            ['action.risk', 1],
            ['action.risk.param._risk', JSON.stringify(risk)],
            ['action.risk.param._risk_message', `${meta.title} on $${risk[0].risk_object_field}$`],
            ['action.risk.param.verbose', 0],
          ] as const)
        : []),
      ['alert.suppress', 0],
      ['alert.track', 0],
      ['counttype', 'number of events'],
      ['cron_schedule', cronSchedule(options.schedule) ?? ''],
      ['description', desc],
      ['disabled', 'false'],
      ['dispatch.earliest_time', `-${options.lookback}`],
      ['dispatch.latest_time', 'now'],
      ['enableSched', 1],
      ['quantity', 0],
      ['relation', 'greater than'],
      ['request.ui_dispatch_app', 'SplunkEnterpriseSecuritySuite'],
      ['schedule_window', 'auto'],
      ['search', `${r.query} | \`${r.slug}_filter\``],
    ],
  };
}

/** The tuning macro of one rule, a no-op until an analyst edits it. */
export function filterMacro(r: ExportRule): Stanza {
  const tuning = triplineOf(r.rule.meta).tuning.map((t) => t.description);
  return {
    name: `${r.slug}_filter`,
    entries: [
      ['definition', 'search *'],
      [
        'description',
        `Update this macro to limit the output results to filter out false positives.${tuning.length ? ` Known tuning: ${tuning.join('; ')}` : ''}`,
      ],
    ],
  };
}

function appConf(): string {
  return confText([
    {
      name: 'install',
      entries: [
        ['is_configured', 'false'],
        ['state', 'enabled'],
        ['build', 1],
      ],
    },
    {
      name: 'launcher',
      entries: [
        ['author', 'tripline'],
        ['version', VERSION],
        ['description', 'Detections exported by tripline'],
      ],
    },
    {
      name: 'package',
      entries: [
        ['id', SPLUNK_APP],
        ['check_for_updates', 'false'],
      ],
    },
    {
      name: 'ui',
      entries: [
        ['is_visible', 'false'],
        ['label', 'tripline detections'],
      ],
    },
  ]);
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  const searches: Stanza[] = [];
  const macros: Stanza[] = [];
  const skipped: Skipped[] = [];
  if (!cronSchedule(options.schedule))
    return {
      files: [],
      skipped: rules.map((r) =>
        skip(r, {
          limit: 'splunk.schedule',
          reason: `--schedule '${options.schedule}' must be a duration of at least 1m`,
        }),
      ),
    };
  for (const r of rules) {
    const s = savedSearch(r, options);
    const error = firstViolation(SPLUNK_LIMITS, { name: s.name, search: r.query });
    if (error) skipped.push(skip(r, error));
    else {
      searches.push(s);
      macros.push(filterMacro(r));
    }
  }
  const files: ExportFile[] = [
    { path: `${SPLUNK_APP}/default/app.conf`, content: appConf() },
    { path: `${SPLUNK_APP}/default/savedsearches.conf`, content: confText(searches) },
    { path: `${SPLUNK_APP}/default/macros.conf`, content: confText(macros) },
    {
      path: `${SPLUNK_APP}/metadata/default.meta`,
      content: confText([
        {
          name: '',
          entries: [
            ['access', 'read : [ * ], write : [ admin ]'],
            ['export', 'system'],
          ],
        },
      ]),
    },
  ];
  return { files, skipped };
}

/** The Splunk platform (SPL with the splunk-sysmon pipeline by default). */
export const SPLUNK: Platform = {
  name: 'splunk',
  title: 'Splunk Enterprise Security app (savedsearches.conf, macros.conf) packed as .tgz',
  queries: () => [{ target: 'spl', pipelines: ['splunk-sysmon'] }],
  write,
};
