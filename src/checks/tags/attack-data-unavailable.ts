/** Without ATT&CK data the technique and tactic checks can only look at the form of tags; say so once. */
import type { SetCheck } from '../types.js';

/** Reports, once per run, that ATT&CK tags were only format-checked. */
export const attackDataUnavailable: SetCheck = {
  name: 'attack-data-unavailable',
  help: 'pass --attack-data <dir> (or set TRIPLINE_ATTACK_DATA) pointing at enterprise-techniques.json',
  scope: 'set',
  run(set, ctx, emit) {
    if (ctx.data.attack) return;
    const first = set.rules.find((r) => r.attackTag !== undefined);
    if (!first) return;
    const msg =
      'no ATT&CK data found (--attack-data, TRIPLINE_ATTACK_DATA or ../shared/attack), so ATT&CK tags were checked for format only';
    emit(first.file, first.attackTag, msg);
  },
};
