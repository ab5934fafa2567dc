/**
 * The Elastic rule body (the Kibana detection rule API shape, which detection-rules' TOML `[rule]` table also
 * uses) built from a rule: risk score and severity from the level, threat from ATT&CK tags, note from the
 * investigation guide and playbook, setup from the data sources.
 */
import type { AttackIndex } from './attack.js';
import { techniqueOf } from './attack.js';
import { type Level, levelOf, triplineOf } from './meta.js';
import { ruleTactics, techniquesOfTactic } from './threat.js';
import { thresholdShape } from './threshold.js';
import type { ExportRule } from './types.js';

/** Risk score and severity per Sigma level (Elastic's own 21/47/73/99 bands); informational is a building block. */
export const ELASTIC_LEVELS: Readonly<Record<Level, { risk: number; severity: string }>> = {
  informational: { risk: 21, severity: 'low' },
  low: { risk: 21, severity: 'low' },
  medium: { risk: 47, severity: 'medium' },
  high: { risk: 73, severity: 'high' },
  critical: { risk: 99, severity: 'critical' },
};

/** Sigma status -> detection-rules maturity. */
export const MATURITY: Readonly<Record<string, string>> = {
  stable: 'production',
  test: 'beta',
  experimental: 'experimental',
  deprecated: 'deprecated',
  unsupported: 'development',
};

/** Heading of the note's investigation guide (the importer splits on it). */
export const NOTE_TRIAGE = '## Triage and analysis';
/** Heading of the note's playbook. */
export const NOTE_RESPONSE = '### Response and remediation';
/** Heading of the setup's data-source list. */
export const SETUP_HEADING = '## Setup';

const TYPES: Readonly<Record<string, { type: string; language: string }>> = {
  eql: { type: 'eql', language: 'eql' },
  esql: { type: 'esql', language: 'esql' },
  lucene: { type: 'query', language: 'lucene' },
};

/** Index patterns by Sigma product when the rule names none in `required_tables.elastic`. */
const INDEXES: Readonly<Record<string, readonly string[]>> = {
  windows: ['logs-endpoint.events.*', 'logs-windows.*', 'winlogbeat-*'],
  linux: ['logs-endpoint.events.*', 'auditbeat-*', 'logs-auditd_manager.auditd-*'],
  macos: ['logs-endpoint.events.*'],
};

/** A MITRE ATT&CK threat entry of the rule API. */
export interface ElasticThreat {
  framework: 'MITRE ATT&CK';
  tactic: { id: string; name: string; reference: string };
  technique?: {
    id: string;
    name: string;
    reference: string;
    subtechnique?: { id: string; name: string; reference: string }[];
  }[];
}

const slash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** The threat entries: one per tactic with a known id, holding the rule's techniques under that tactic. */
export function elasticThreat(r: ExportRule, attack: AttackIndex | undefined): ElasticThreat[] {
  const meta = r.rule.meta;
  return ruleTactics(meta, attack)
    .filter((t) => t.id)
    .map((t) => {
      const ids = techniquesOfTactic(meta, attack, t.shortname);
      const parents = [...new Set(ids.map((id) => id.split('.')[0]))];
      const technique = parents.map((p) => {
        const tech = techniqueOf(attack, p);
        const subs = ids.filter((id) => id.startsWith(`${p}.`)).map((id) => techniqueOf(attack, id));
        return {
          id: p,
          name: tech.name,
          reference: slash(tech.url),
          ...(subs.length
            ? { subtechnique: subs.map((s) => ({ id: s.id, name: s.name, reference: slash(s.url) })) }
            : {}),
        };
      });
      return {
        framework: 'MITRE ATT&CK' as const,
        tactic: { id: t.id, name: t.name, reference: slash(t.url) },
        ...(technique.length ? { technique } : {}),
      };
    });
}

/** Tags: tactics, confidence, data sources and the non-ATT&CK Sigma tags (prefixed `Sigma: `). */
function elasticTags(r: ExportRule, attack: AttackIndex | undefined): string[] {
  const meta = r.rule.meta;
  const tm = triplineOf(meta);
  const product = r.logsource?.product;
  return [
    'Use Case: Threat Detection',
    ...(product ? [`OS: ${product.charAt(0).toUpperCase()}${product.slice(1)}`] : []),
    ...ruleTactics(meta, attack).map((t) => `Tactic: ${t.name}`),
    ...(tm.confidence ? [`Confidence: ${tm.confidence}`] : []),
    ...(tm.investigation ? ['Resources: Investigation Guide'] : []),
    ...meta.tags.filter((t) => !/^attack\./i.test(t)).map((t) => `Sigma: ${t}`),
  ];
}

/** The note: investigation guide and playbook under Elastic's usual headings. */
function note(r: ExportRule): string | undefined {
  const tm = triplineOf(r.rule.meta);
  if (!tm.investigation && !tm.playbook) return undefined;
  const parts = [NOTE_TRIAGE, '', tm.investigation?.trim() ?? '', ''];
  if (tm.playbook) parts.push(NOTE_RESPONSE, '', tm.playbook.trim(), '');
  return parts.join('\n');
}

/** The setup: the data sources the rule needs, one `- **component**: source` line each. */
function setup(r: ExportRule): string | undefined {
  const ds = triplineOf(r.rule.meta).dataSources;
  return ds.length
    ? [SETUP_HEADING, '', ...ds.map((d) => `- **${d.component}**: ${d.source}`), ''].join('\n')
    : undefined;
}

/** The `threshold` of a count correlation over the converted base rule: group-by fields and the bound. */
function thresholdOf(r: ExportRule): Record<string, unknown> | undefined {
  if (r.rule.kind !== 'correlation') return undefined;
  const shape = thresholdShape(r.rule);
  if (!shape) return undefined;
  const field = r.rule.condition.field;
  const cardinalityField = field ? r.mapField(field) : undefined;
  return {
    field: r.fields,
    value: shape.value,
    ...(shape.cardinality && cardinalityField
      ? { cardinality: [{ field: cardinalityField, value: shape.cardinality }] }
      : {}),
  };
}

/** The rule API body (also the `[rule]` table of the TOML). */
export function elasticRule(
  r: ExportRule,
  attack: AttackIndex | undefined,
  id: string,
  timing: { from: string; interval: string },
): Record<string, unknown> {
  const meta = r.rule.meta;
  const level = levelOf(meta);
  const threshold = r.rule.kind === 'correlation' && r.conversion.target === 'lucene' ? thresholdOf(r) : undefined;
  const kind = threshold ? { type: 'threshold', language: 'lucene' } : (TYPES[r.conversion.target] ?? TYPES.eql);
  const product = r.logsource?.product ?? '';
  const index = triplineOf(meta).requiredTables.elastic ?? INDEXES[product] ?? ['logs-*'];
  const n = note(r);
  const s = setup(r);
  return {
    author: meta.author ? meta.author.split(/\s*,\s*/) : ['tripline'],
    ...(level === 'informational' ? { building_block_type: 'default' } : {}),
    description: (meta.description ?? meta.title).trim(),
    ...(meta.falsepositives.length ? { false_positives: [...meta.falsepositives] } : {}),
    from: threshold && r.rule.kind === 'correlation' ? `now-${r.rule.timespan}` : timing.from,
    ...(kind.type === 'esql' ? {} : { index: [...index] }),
    interval: timing.interval,
    language: kind.language,
    ...(meta.license ? { license: meta.license } : {}),
    max_signals: 100,
    name: meta.title,
    ...(n ? { note: n } : {}),
    ...(meta.references.length ? { references: [...meta.references] } : {}),
    risk_score: ELASTIC_LEVELS[level].risk,
    rule_id: id,
    ...(s ? { setup: s } : {}),
    severity: ELASTIC_LEVELS[level].severity,
    tags: elasticTags(r, attack),
    threat: elasticThreat(r, attack),
    ...(threshold ? { threshold } : {}),
    type: kind.type,
    query: r.query,
  };
}
