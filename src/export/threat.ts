/**
 * A rule's ATT&CK mapping for exports: tactics (from tags, plus the tactic of any technique whose tactic is not
 * tagged, so no technique is left without one) and techniques, with names when ATT&CK data is loaded.
 */
import type { RuleMeta } from '../ir/types.js';
import { type AttackIndex, type AttackTactic, tacticOf, techniqueOf } from './attack.js';
import { attackTags } from './meta.js';

/** Technique ids of the rule, in tag order (`T1195`, `T1195.002`). */
export function ruleTechniques(meta: RuleMeta): string[] {
  return attackTags(meta).techniques;
}

/** Parent technique ids only (sub-techniques folded into their parent), for APIs without sub-techniques. */
export function parentTechniques(meta: RuleMeta): string[] {
  return [...new Set(ruleTechniques(meta).map((t) => t.split('.')[0]))];
}

/** Tactics of the rule in ATT&CK order when known (tag order otherwise). */
export function ruleTactics(meta: RuleMeta, attack: AttackIndex | undefined): AttackTactic[] {
  const { tactics, techniques } = attackTags(meta);
  const names = [...tactics];
  for (const id of techniques) {
    const own = techniqueOf(attack, id).tactics;
    if (own.length && !own.some((t) => names.includes(t))) names.push(own[0]);
  }
  const order = attack ? [...attack.tactics.keys()] : [];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length + names.indexOf(s));
  return names
    .filter((n) => !attack || attack.tactics.has(n))
    .sort((a, b) => rank(a) - rank(b))
    .map((n) => tacticOf(attack, n));
}

/** Techniques of one tactic: those ATT&CK lists under it (all of them when ATT&CK data is absent). */
export function techniquesOfTactic(meta: RuleMeta, attack: AttackIndex | undefined, tactic: string): string[] {
  return ruleTechniques(meta).filter((id) => {
    const own = techniqueOf(attack, id).tactics;
    return own.length === 0 || own.includes(tactic);
  });
}
