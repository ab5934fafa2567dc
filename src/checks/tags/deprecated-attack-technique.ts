/** Deprecated techniques are no longer maintained by ATT&CK and have no replacement. */
import type { RuleCheck } from '../types.js';
import { attackTags } from './attack.js';
import { tagSpan } from './shared.js';

/** Reports a technique tag that ATT&CK has deprecated. */
export const deprecatedAttackTechnique: RuleCheck = {
  name: 'deprecated-attack-technique',
  help: 'remove the tag or pick a current technique that fits',
  scope: 'rule',
  run(entry, ctx, emit) {
    const attack = ctx.data.attack;
    if (!attack) return;
    for (const t of attackTags(entry, ctx)) {
      const tech = t.kind === 'technique' ? attack.techniques.get(t.name.toUpperCase()) : undefined;
      if (tech?.deprecated && !tech.revoked)
        emit(
          tagSpan(entry, t),
          `technique ${tech.id} (${tech.name}) is deprecated in ATT&CK ${attack.version}; remove the tag or pick a current technique`,
        );
    }
  },
};
