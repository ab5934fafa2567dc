/** A technique id that ATT&CK does not define is a typo or a made-up id. */

import type { RuleCheck } from '../types.js';
import { attackTags } from './attack.js';
import { tagSpan } from './shared.js';

/** Reports a technique tag absent from the loaded ATT&CK data. */
export const unknownAttackTechnique: RuleCheck = {
  name: 'unknown-attack-technique',
  help: 'check the technique id on attack.mitre.org and fix the tag',
  scope: 'rule',
  run(entry, ctx, emit) {
    const attack = ctx.data.attack;
    if (!attack) return;
    for (const t of attackTags(entry, ctx)) {
      if (t.kind !== 'technique' || attack.techniques.has(t.name.toUpperCase())) continue;
      const parent = t.name.toUpperCase().split('.')[0];
      const hint =
        t.name.includes('.') && attack.techniques.has(parent) ? `; ${parent} exists but has no such sub-technique` : '';
      const fix = hint || '; check the id, or load newer ATT&CK data if the technique is newer';
      emit(tagSpan(entry, t), `tag '${t.tag}' names no technique in ATT&CK ${attack.version}${fix}`);
    }
  },
};
