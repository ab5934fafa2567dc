/** A repeated reference is a copy-paste slip (trailing slashes are ignored when comparing). */
import type { RuleCheck } from '../types.js';
import { duplicatesIn, valueSpan } from '../util.js';

/** Reports a link listed twice in `references`. */
export const duplicateReferences: RuleCheck = {
  name: 'duplicate-references',
  help: 'remove the repeated link from `references`',
  scope: 'rule',
  run(entry, _ctx, emit) {
    for (const d of duplicatesIn(entry, 'references', (s) => s.trim().replace(/\/+$/, '')))
      emit(
        valueSpan(entry, ['references', d.index]),
        `reference '${d.value}' is already listed (item ${d.first + 1}); remove this one`,
      );
  },
};
