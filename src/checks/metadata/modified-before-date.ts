/** A rule cannot be modified before it was created; usually the two dates are swapped or mistyped. */
import type { RuleCheck } from '../types.js';
import { isIsoDate, topValue, valueSpan } from '../util.js';

/** Reports `modified` earlier than `date`. */
export const modifiedBeforeDate: RuleCheck = {
  name: 'modified-before-date',
  help: 'set `modified` to the day of the last change, on or after `date`',
  scope: 'rule',
  run(entry, _ctx, emit) {
    const date = topValue(entry, 'date');
    const modified = topValue(entry, 'modified');
    if (!isIsoDate(date) || !isIsoDate(modified) || (modified as string) >= (date as string)) return;
    emit(valueSpan(entry, ['modified']), `modified ${modified} is before the creation date ${date}; swap or fix them`);
  },
};
