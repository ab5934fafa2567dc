/**
 * Sumo Logic Cloud SIEM match rules (the `fields` body of POST /sec/v1/rules/match) from single-event rules,
 * with the rule expression in Cloud SIEM's syntax (cse-dialect.ts), entity selectors and MITRE tags.
 */
import type { AttackIndex } from './attack.js';
import { levelOf } from './meta.js';
import { ruleTactics, ruleTechniques } from './threat.js';
import type { ExportRule } from './types.js';

/** Name of the Cloud SIEM expression target in `ExportRule.extra`. */
export const CSE_TARGET = 'sumo-cse-rule';

/** Severity score (1-10) per Sigma level. */
const SCORE = { informational: 1, low: 3, medium: 5, high: 7, critical: 9 } as const;

/** Entity types for the record attributes the sumo-cse pipeline maps to. */
const ENTITIES: readonly [string, string][] = [
  ['device_hostname', '_hostname'],
  ['user_username', '_username'],
  ['srcDevice_ip', '_ip'],
  ['dstDevice_ip', '_ip'],
];

/** The match rule of one rule, or undefined when its expression did not convert. */
export function matchRule(r: ExportRule, attack: AttackIndex | undefined): object | undefined {
  const extra = r.extra[CSE_TARGET];
  if (!extra || !('query' in extra)) return undefined;
  const meta = r.rule.meta;
  const selectors = ENTITIES.filter(([f]) => r.fields.includes(f) || f === 'device_hostname').map(([f, t]) => ({
    entityType: t,
    expression: f,
  }));
  return {
    fields: {
      name: meta.title,
      enabled: true,
      expression: extra.query,
      descriptionExpression: (meta.description ?? meta.title).trim(),
      nameExpression: meta.title,
      summaryExpression: `${meta.title} on {{device_hostname}}`,
      entitySelectors: selectors,
      isPrototype: meta.status === 'experimental',
      score: SCORE[levelOf(meta)],
      stream: 'record',
      tags: [
        ...ruleTactics(meta, attack)
          .filter((t) => t.id)
          .map((t) => `_mitreAttackTactic:${t.id}`),
        ...ruleTechniques(meta).map((t) => `_mitreAttackTechnique:${t}`),
      ],
      tuningExpressionIds: [],
    },
  };
}

/** Rules without a match rule, with the reason (written beside the match rules). */
export function notConverted(rules: readonly ExportRule[]): { title: string; file: string; reason: string }[] {
  return rules.flatMap((r) => {
    const extra = r.extra[CSE_TARGET];
    const reason = !extra ? 'correlations have no match-rule form' : 'reason' in extra ? extra.reason : undefined;
    return reason ? [{ title: r.rule.meta.title, file: r.rule.origin.file, reason }] : [];
  });
}
