/** `attack.` tags are a tactic short name or an id: t1234(.123), g1234, s1234, ds1234, m1234, a1234. */

import type { RuleCheck } from '../types.js';
import { attackTags } from './attack.js';
import { tagSpan } from './shared.js';

/** Reports an attack tag that has the form of neither a tactic nor an ATT&CK id. */
export const invalidAttackTag: RuleCheck = {
  name: 'invalid-attack-tag',
  help: 'write ATT&CK tags as attack.<tactic-name> or attack.t1234 / attack.t1234.001 / attack.g0001 / attack.s0001',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const t of attackTags(entry, ctx)) {
      if (t.kind !== 'invalid') continue;
      const id = /^(t|g|s|ds|m|a)\d+/i.test(t.name) ? ' (ids have four digits, sub-techniques three: t1059.001)' : '';
      emit(tagSpan(entry, t), `tag '${t.tag}' is not an ATT&CK tactic or id${id}`);
    }
  },
};
