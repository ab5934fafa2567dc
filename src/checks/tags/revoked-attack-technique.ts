/** Revoked techniques were merged into others; the data says which (`revoked_by`). */

import type { RuleCheck } from '../types.js';
import { attackTags } from './attack.js';
import { tagSpan } from './shared.js';

/** Reports a technique tag that ATT&CK has revoked, suggesting its replacement. */
export const revokedAttackTechnique: RuleCheck = {
  name: 'revoked-attack-technique',
  help: 'replace the tag with the technique that revoked it',
  scope: 'rule',
  run(entry, ctx, emit) {
    const attack = ctx.data.attack;
    if (!attack) return;
    for (const t of attackTags(entry, ctx)) {
      const tech = t.kind === 'technique' ? attack.techniques.get(t.name.toUpperCase()) : undefined;
      if (!tech?.revoked) continue;
      const by = tech.revokedBy ? attack.techniques.get(tech.revokedBy.toUpperCase()) : undefined;
      const hint = tech.revokedBy
        ? `; use 'attack.${tech.revokedBy.toLowerCase()}'${by ? ` (${by.name})` : ''} instead`
        : '; remove it or pick the current technique';
      emit(tagSpan(entry, t), `technique ${tech.id} (${tech.name}) is revoked in ATT&CK ${attack.version}${hint}`);
    }
  },
};
