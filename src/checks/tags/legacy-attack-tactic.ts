/** Sigma 2 writes tactics as ATT&CK short names with dashes; the underscore form is the old convention. */

import type { RuleCheck } from '../types.js';
import { attackTags, SPEC_TACTICS } from './attack.js';
import { tagSpan } from './shared.js';

/** Reports `attack.defense_evasion`-style tactic tags, suggesting the dashed form. */
export const legacyAttackTactic: RuleCheck = {
  name: 'legacy-attack-tactic',
  help: 'write tactics with dashes, e.g. attack.defense-evasion',
  scope: 'rule',
  run(entry, ctx, emit) {
    const known = ctx.data.attack ? new Set(ctx.data.attack.tactics.keys()) : new Set(SPEC_TACTICS);
    for (const t of attackTags(entry, ctx)) {
      if (t.kind !== 'tactic' || !t.name.includes('_')) continue;
      const dashed = t.name.toLowerCase().replace(/_/g, '-');
      if (known.has(dashed))
        emit(tagSpan(entry, t), `tag '${t.tag}' uses the old underscore form; write 'attack.${dashed}'`);
    }
  },
};
