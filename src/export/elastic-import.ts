/**
 * Reads a detection-rules TOML (as `tripline export --to elastic` writes it, or Elastic's own) back into
 * Sigma-style rule metadata: the inverse of elastic-rule.ts, so an exported rule round-trips.
 */
import { parse, type TomlError } from 'smol-toml';
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { ELASTIC_LEVELS, MATURITY, NOTE_RESPONSE, NOTE_TRIAGE, SETUP_HEADING } from './elastic-rule.js';
import type { Level } from './meta.js';

/** Rule metadata recovered from an Elastic TOML rule. */
export interface ImportedRule {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly level: Level;
  readonly status?: string;
  readonly author?: string;
  readonly date?: string;
  readonly modified?: string;
  readonly references: readonly string[];
  readonly falsepositives: readonly string[];
  /** Sigma tags: `attack.<tactic>`, `attack.<technique>` and the `Sigma: ` tags. */
  readonly tags: readonly string[];
  readonly tripline: {
    readonly confidence?: string;
    readonly investigation?: string;
    readonly playbook?: string;
    readonly data_sources?: readonly { component: string; source: string }[];
  };
  readonly type: string;
  readonly language: string;
  readonly query: string;
}

type Rec = Record<string, unknown>;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const date = (v: unknown) => (typeof v === 'string' ? v.replace(/\//g, '-') : undefined);

/** Parses TOML text; a syntax error or a missing `[rule]` gives a positioned diagnostic instead. */
export function importElasticToml(text: string, file = '<toml>'): ImportedRule | Diagnostic {
  let doc: Rec;
  try {
    doc = parse(text) as Rec;
  } catch (e) {
    const err = e as TomlError;
    const span = { line: err.line ?? 1, column: err.column ?? 1, endLine: err.line ?? 1, endColumn: err.column ?? 1 };
    return report('read-error', file, span, `invalid TOML: ${err.message.split('\n')[0]}`);
  }
  const rule = doc.rule as Rec | undefined;
  const metadata = (doc.metadata ?? {}) as Rec;
  if (!rule || typeof rule !== 'object')
    return report('read-error', file, undefined, 'no [rule] table: not a detection-rules TOML');
  const status = Object.entries(MATURITY).find(([, m]) => m === metadata.maturity)?.[0];
  const tags = strings(rule.tags);
  const created = date(metadata.creation_date);
  const updated = date(metadata.updated_date);
  const { investigation, playbook } = splitNote(typeof rule.note === 'string' ? rule.note : '');
  const dataSources = parseSetup(typeof rule.setup === 'string' ? rule.setup : '');
  const confidence = tags.find((t) => t.startsWith('Confidence: '))?.slice(12);
  return {
    id: String(rule.rule_id ?? ''),
    title: String(rule.name ?? ''),
    description: String(rule.description ?? ''),
    level: levelOf(rule),
    ...(status ? { status } : {}),
    ...(Array.isArray(rule.author) ? { author: strings(rule.author).join(', ') } : {}),
    ...(created ? { date: created } : {}),
    ...(updated && updated !== created ? { modified: updated } : {}),
    references: strings(rule.references),
    falsepositives: strings(rule.false_positives),
    tags: [...threatTags(rule.threat), ...tags.filter((t) => t.startsWith('Sigma: ')).map((t) => t.slice(7))],
    tripline: {
      ...(confidence ? { confidence } : {}),
      ...(investigation ? { investigation } : {}),
      ...(playbook ? { playbook } : {}),
      ...(dataSources.length ? { data_sources: dataSources } : {}),
    },
    type: String(rule.type ?? ''),
    language: String(rule.language ?? ''),
    query: String(rule.query ?? ''),
  };
}

function levelOf(rule: Rec): Level {
  if (rule.building_block_type) return 'informational';
  const byRisk = Object.entries(ELASTIC_LEVELS).find(([l, v]) => l !== 'informational' && v.risk === rule.risk_score);
  const bySeverity = Object.entries(ELASTIC_LEVELS).find(
    ([l, v]) => l !== 'informational' && v.severity === rule.severity,
  );
  return ((byRisk ?? bySeverity)?.[0] ?? 'medium') as Level;
}

/** `attack.<tactic shortname>` then `attack.<technique id>` tags from the threat entries. */
function threatTags(threat: unknown): string[] {
  const out: string[] = [];
  for (const t of Array.isArray(threat) ? (threat as Rec[]) : []) {
    const tactic = (t.tactic ?? {}) as Rec;
    if (tactic.name) out.push(`attack.${String(tactic.name).toLowerCase().replace(/\s+/g, '-')}`);
    for (const tech of (Array.isArray(t.technique) ? t.technique : []) as Rec[]) {
      out.push(`attack.${String(tech.id).toLowerCase()}`);
      for (const sub of (Array.isArray(tech.subtechnique) ? tech.subtechnique : []) as Rec[])
        out.push(`attack.${String(sub.id).toLowerCase()}`);
    }
  }
  return [...new Set(out)];
}

/** The investigation guide and playbook from the note's headings. */
function splitNote(note: string): { investigation?: string; playbook?: string } {
  if (!note.startsWith(NOTE_TRIAGE)) return note.trim() ? { investigation: note.trim() } : {};
  const body = note.slice(NOTE_TRIAGE.length);
  const at = body.indexOf(`\n${NOTE_RESPONSE}\n`);
  const investigation = (at < 0 ? body : body.slice(0, at)).trim();
  const playbook = at < 0 ? '' : body.slice(at + NOTE_RESPONSE.length + 2).trim();
  return { ...(investigation ? { investigation } : {}), ...(playbook ? { playbook } : {}) };
}

/** `- **component**: source` lines of the setup. */
function parseSetup(setup: string): { component: string; source: string }[] {
  if (!setup.startsWith(SETUP_HEADING)) return [];
  return [...setup.matchAll(/^- \*\*(.+?)\*\*: (.+)$/gm)].map((m) => ({ component: m[1], source: m[2] }));
}
