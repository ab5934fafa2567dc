/**
 * Elastic Security: detection-rules TOML per rule (`[metadata]` + `[rule]` + `[[rule.threat]]`, written with
 * smol-toml) and a Kibana import NDJSON (one rule API body per line, for Stack Management > Import rules).
 * The rule type follows the rule's shape: EQL for single events and sequences, ES|QL for aggregations,
 * a Lucene query when neither converts.
 */
import { stringify } from 'smol-toml';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { ELASTIC_LEVELS, elasticRule, MATURITY } from './elastic-rule.js';
import { firstViolation, type Limit, numberRange } from './limits.js';
import { isoDate, parseDuration, ruleGuid, shortDuration } from './meta.js';
import { skip } from './skip.js';
import { thresholdShape } from './threshold.js';
import type { ExportFile, ExportOptions, ExportResult, ExportRule, Platform, QueryChoice, Skipped } from './types.js';

type Body = Record<string, unknown>;

/** Elastic's limits on a rule body (the API schema's bounds). */
export const ELASTIC_LIMITS: readonly Limit<Body>[] = [
  numberRange('elastic.risk-score', 'risk_score', 0, 100, (b) => Number(b.risk_score)),
  {
    name: 'elastic.interval',
    check: (b) => (/^\d+[mshd]$/.test(String(b.interval)) ? undefined : `interval '${b.interval}' is not like 5m`),
  },
  {
    name: 'elastic.lookback',
    check: (b) => {
      const from = parseDuration(String(b.from).replace(/^now-/, ''));
      const every = parseDuration(String(b.interval));
      return from !== undefined && every !== undefined && from < every
        ? `from ${b.from} covers less than the interval ${b.interval}: events between runs would never be searched (raise --lookback, or for threshold rules shorten --schedule)`
        : undefined;
    },
  },
  {
    name: 'elastic.name',
    check: (b) => (String(b.name ?? '').trim() ? undefined : 'the rule has no name (title)'),
  },
  {
    name: 'elastic.rule-id',
    check: (b) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(String(b.rule_id))
        ? undefined
        : `rule_id '${b.rule_id}' is not a lowercase UUID`,
  },
];

/** The TOML metadata date form: `2026/11/25`. */
const tomlDate = (d: string) => d.replace(/-/g, '/');

/** The TOML text of one rule, in detection-rules' layout. */
export function elasticToml(r: ExportRule, body: Body, options: ExportOptions): string {
  const meta = r.rule.meta;
  const created = isoDate(meta.date) ?? options.today;
  const metadata = {
    creation_date: tomlDate(created),
    maturity: MATURITY[meta.status ?? ''] ?? 'development',
    updated_date: tomlDate(isoDate(meta.modified) ?? created),
  };
  const literal: Record<string, string> = {};
  const rule: Body = {};
  for (const [k, v] of Object.entries(body)) {
    // Long Markdown and queries read best as ''' literal strings, as detection-rules writes them.
    if ((k === 'query' || k === 'note' || k === 'setup') && typeof v === 'string' && !v.includes("'''")) {
      literal[k] = v;
      rule[k] = `\u0000${k}\u0000`;
    } else rule[k] = v;
  }
  let text = stringify({ metadata, rule });
  for (const [k, v] of Object.entries(literal))
    text = text.replace(`${k} = "\\u0000${k}\\u0000"`, `${k} = '''\n${v.replace(/\n$/, '')}\n'''`);
  return text;
}

/** The rule body for the Kibana import (the TOML's `[rule]` plus enabled and version). */
export function kibanaRule(body: Body): Body {
  return { ...body, enabled: true, version: 1 };
}

function timing(options: ExportOptions): { from: string; interval: string } {
  const s = parseDuration(options.schedule);
  const l = parseDuration(options.lookback);
  return {
    interval: s === undefined ? options.schedule : shortDuration(s),
    from: `now-${l === undefined ? options.lookback : shortDuration(l)}`,
  };
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  const files: ExportFile[] = [];
  const skipped: Skipped[] = [];
  const lines: string[] = [];
  for (const r of rules) {
    const body = elasticRule(r, options.attack, ruleGuid(r.rule.meta), timing(options));
    const error = firstViolation(ELASTIC_LIMITS, body);
    if (error) {
      skipped.push(skip(r, error));
      continue;
    }
    files.push({ path: `rules/${r.slug}.toml`, content: elasticToml(r, body, options) });
    lines.push(JSON.stringify(kibanaRule(body)));
  }
  files.push({ path: 'rules.ndjson', content: lines.length ? `${lines.join('\n')}\n` : '' });
  return { files, skipped };
}

/** EQL for single events and sequences, ES|QL for aggregations, Lucene as the last resort. */
function queries(rule: DetectionRule | CorrelationRule): QueryChoice[] {
  const ecs = ['ecs'];
  if (rule.kind === 'detection')
    return [
      { target: 'eql', pipelines: ecs },
      { target: 'esql', pipelines: ecs },
      { target: 'lucene', pipelines: ecs },
    ];
  if (thresholdShape(rule))
    return [
      { target: 'lucene', pipelines: ecs, base: true },
      { target: 'esql', pipelines: ecs },
    ];
  return rule.type === 'temporal' || rule.type === 'temporal_ordered'
    ? [
        { target: 'eql', pipelines: ecs },
        { target: 'esql', pipelines: ecs },
      ]
    : [{ target: 'esql', pipelines: ecs }];
}

/** The Elastic Security platform. */
export const ELASTIC: Platform = {
  name: 'elastic',
  title: 'Elastic Security detection rules (detection-rules TOML + Kibana import NDJSON)',
  queries,
  write,
};

export { ELASTIC_LEVELS };
