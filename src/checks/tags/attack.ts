/** Classifying `attack.` tags, shared by the ATT&CK checks. */
import type { RuleEntry } from '../../ruleset/types.js';
import type { CheckContext } from '../types.js';
import { type Tag, tagsOf } from './shared.js';

/** What an `attack.` tag refers to. */
export type AttackTagKind = 'technique' | 'tactic' | 'other-id' | 'invalid';

/** Tactics of the Sigma tags appendix: used for format checks when no ATT&CK data is loaded. */
export const SPEC_TACTICS = [
  'reconnaissance',
  'resource-development',
  'initial-access',
  'execution',
  'persistence',
  'privilege-escalation',
  'defense-evasion',
  'credential-access',
  'discovery',
  'lateral-movement',
  'collection',
  'command-and-control',
  'exfiltration',
  'impact',
];

const TECHNIQUE = /^t\d{4}(\.\d{3})?$/;
/** Groups, software, data sources, mitigations, assets (and campaigns). */
const OTHER_ID = /^(g|s|ds|m|a|c)\d{4}$/;
const TACTIC_WORD = /^[a-z]+([-_][a-z]+)*$/;

/** Classifies the name part of an attack tag (lower-cased). */
export function attackTagKind(name: string): AttackTagKind {
  const n = name.toLowerCase();
  if (TECHNIQUE.test(n)) return 'technique';
  if (OTHER_ID.test(n)) return 'other-id';
  if (TACTIC_WORD.test(n)) return 'tactic';
  return 'invalid';
}

/** The attack tags of a rule with their kind (computed once per run). */
export function attackTags(entry: RuleEntry, ctx: CheckContext): readonly (Tag & { kind: AttackTagKind })[] {
  return ctx.cached(entry, 'attack-tags', () =>
    tagsOf(entry, ctx)
      .filter((t) => t.namespace.toLowerCase() === 'attack')
      .map((t) => ({ ...t, kind: attackTagKind(t.name) })),
  );
}
