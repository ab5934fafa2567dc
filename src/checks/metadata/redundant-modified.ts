/** `modified` equal to `date` says nothing: the rule was never changed after it was written. */
import type { RuleCheck } from '../types.js';
import { isIsoDate, topValue, valueSpan } from '../util.js';

/** Reports `modified` equal to `date`. */
export const redundantModified: RuleCheck = {
  name: 'redundant-modified',
  help: 'remove `modified` until the rule is changed',
  scope: 'rule',
  run(entry, _ctx, emit) {
    const date = topValue(entry, 'date');
    const modified = topValue(entry, 'modified');
    if (isIsoDate(date) && modified === date)
      emit(
        valueSpan(entry, ['modified']),
        `modified equals the creation date ${date}; remove it until the rule changes`,
      );
  },
};
