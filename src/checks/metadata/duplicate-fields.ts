/** `fields` lists what to show in an alert; a repeat is a copy-paste slip. */
import type { RuleCheck } from '../types.js';
import { duplicatesIn, valueSpan } from '../util.js';

/** Reports a field named twice in `fields`. */
export const duplicateFields: RuleCheck = {
  name: 'duplicate-fields',
  help: 'remove the repeated entry from `fields`',
  scope: 'rule',
  run(entry, _ctx, emit) {
    for (const d of duplicatesIn(entry, 'fields'))
      emit(
        valueSpan(entry, ['fields', d.index]),
        `field '${d.value}' is already listed in \`fields\` (item ${d.first + 1}); remove this one`,
      );
  },
};
