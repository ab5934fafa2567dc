/**
 * Assembles a YARA-L 2.0 rule text: `rule <name> { meta: events: match: outcome: condition: }` in that order
 * (https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax). Meta values are always quoted.
 */
import type { RuleMeta } from '../ir/types.js';
import { identifier } from './shared.js';

/** The sections after `meta`, each a list of lines. */
export interface YaralSections {
  readonly events: readonly string[];
  readonly match?: readonly string[];
  readonly outcome?: readonly string[];
  readonly condition: readonly string[];
}

const SEVERITY: Readonly<Record<string, string>> = {
  informational: 'INFORMATIONAL',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  critical: 'CRITICAL',
};

/** A quoted meta value: one line, `\` and `"` escaped. */
export function metaString(text: string): string {
  const line = CONTROL.test(text) ? text.replace(CONTROL_RUNS, ' ') : text;
  const trimmed = line.trim();
  return `"${/[\\"]/.test(trimmed) ? trimmed.replace(/[\\"]/g, '\\$&') : trimmed}"`;
}

/** Characters a YARA-L literal cannot hold as they are: C0 and C1 controls and the line separators. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** `Execution, Persistence` and `T1059.001, T1547` from Sigma `attack.*` tags. */
function attack(tags: readonly string[]): { tactics: string[]; techniques: string[] } {
  const tactics: string[] = [];
  const techniques: string[] = [];
  for (const tag of tags) {
    const m = /^attack\.(.+)$/.exec(tag);
    if (!m) continue;
    if (/^t\d{4}(\.\d{3})?$/i.test(m[1])) techniques.push(m[1].toUpperCase());
    else if (!/^[gs]\d{4}$/i.test(m[1]))
      tactics.push(m[1].replace(/[-_]/g, ' ').replace(/\b[a-z]/g, (c) => c.toUpperCase()));
  }
  return { tactics, techniques };
}

function metaLines(meta: RuleMeta): string[] {
  const { tactics, techniques } = attack(meta.tags);
  const level = SEVERITY[meta.level ?? ''];
  const pairs: [string, string | undefined][] = [
    ['rule_name', meta.title],
    ['author', meta.author],
    ['description', meta.description],
    ['severity', level],
    ['priority', level],
    ['reference', meta.references.length ? meta.references.join(', ') : undefined],
    ['mitre_attack_tactic', tactics.length ? tactics.join(', ') : undefined],
    ['mitre_attack_technique', techniques.length ? techniques.join(', ') : undefined],
    ['sigma_id', meta.id],
    ['sigma_status', meta.status],
  ];
  return pairs.filter((p): p is [string, string] => !!p[1]).map(([k, v]) => `${k} = ${metaString(v)}`);
}

/** The complete rule text. */
export function yaralRule(meta: RuleMeta, s: YaralSections): string {
  const name = identifier(meta.name ?? meta.title);
  const section = (title: string, lines: readonly string[] | undefined) =>
    lines?.length ? [`  ${title}:`, ...lines.map((l) => `    ${l}`)] : [];
  return [
    `rule ${name} {`,
    ...section('meta', metaLines(meta)),
    ...section('events', s.events),
    ...section('match', s.match),
    ...section('outcome', s.outcome),
    ...section('condition', s.condition),
    '}',
  ].join('\n');
}
