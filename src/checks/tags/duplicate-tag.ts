/** A repeated tag inflates coverage counts (ATT&CK layers count it twice). */
import type { RuleCheck } from '../types.js';
import { duplicatesIn, valueSpan } from '../util.js';

/** Reports a tag listed twice (compared case-insensitively). */
export const duplicateTag: RuleCheck = {
  name: 'duplicate-tag',
  help: 'remove the repeated tag',
  scope: 'rule',
  run(entry, _ctx, emit) {
    for (const d of duplicatesIn(entry, 'tags', (s) => s.toLowerCase()))
      emit(
        valueSpan(entry, ['tags', d.index]),
        `tag '${d.value}' is already listed (item ${d.first + 1}); remove this one`,
      );
  },
};
