/** A quoted number (`EventID: '4688'`) becomes a string comparison in backends that type their fields. */
import type { RuleCheck } from '../types.js';
import { stringValues, validItems } from './shared.js';

/** Reports a quoted integer given to a field without modifiers. */
export const numberAsString: RuleCheck = {
  name: 'number-as-string',
  help: 'remove the quotes so the value is a number',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item, chain } of validItems(entry, ctx)) {
      if (item.field === null || item.modifiers.length > 0 || chain.encodings.length > 0) continue;
      for (const v of stringValues(item)) {
        if (/^-?\d+$/.test(v.value) && v.value.length <= 15)
          emit(v.span, `${item.field} value '${v.value}' is a number written as a string; remove the quotes`);
      }
    }
  },
};
