/** `**` means the same as `*`; it usually comes from joining two patterns by hand. */
import type { RuleCheck } from '../types.js';
import { isPlainString, stringValues, validItems } from './shared.js';

/** Reports a plain string value holding unescaped `**`. */
export const doubleWildcard: RuleCheck = {
  name: 'double-wildcard',
  help: 'replace `**` by a single `*`',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item, chain } of validItems(entry, ctx)) {
      if (!isPlainString(chain)) continue;
      for (const v of stringValues(item)) {
        if (/(?<!\\)(?:\\\\)*\*\*/.test(v.value))
          emit(v.span, `value '${v.value}' holds '**', which is the same as '*'; use one`);
      }
    }
  },
};
