/** A tactic-like attack tag must name an ATT&CK tactic (either spelling). */
import { editDistance } from '../../sigma/modifiers.js';
import type { RuleCheck } from '../types.js';
import { attackTags } from './attack.js';
import { tagSpan } from './shared.js';

/** Reports a tactic tag that names no tactic in the loaded ATT&CK data. */
export const unknownAttackTactic: RuleCheck = {
  name: 'unknown-attack-tactic',
  help: 'use the short name of an ATT&CK tactic, e.g. attack.defense-evasion',
  scope: 'rule',
  run(entry, ctx, emit) {
    const attack = ctx.data.attack;
    if (!attack) return;
    for (const t of attackTags(entry, ctx)) {
      if (t.kind !== 'tactic') continue;
      const name = t.name.toLowerCase().replace(/_/g, '-');
      if (attack.tactics.has(name)) continue;
      const close = [...attack.tactics.keys()].find((k) => editDistance(k, name) <= 2);
      emit(
        tagSpan(entry, t),
        close
          ? `tag '${t.tag}' names no ATT&CK tactic (did you mean 'attack.${close}'?)`
          : `tag '${t.tag}' names no tactic in ATT&CK ${attack.version}; fix it, or load newer ATT&CK data if the tactic is newer`,
      );
    }
  },
};
