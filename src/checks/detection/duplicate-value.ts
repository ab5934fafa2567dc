/** A value listed twice is a copy-paste slip (compared case-insensitively unless `|cased`). */
import type { RuleCheck } from '../types.js';
import { validItems } from './shared.js';

/** Reports a value repeated in the list of one field. */
export const duplicateValue: RuleCheck = {
  name: 'duplicate-value',
  help: 'remove the repeated value',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item, chain } of validItems(entry, ctx)) {
      if (!item.isList) continue;
      const seen = new Set<string>();
      for (const v of item.values) {
        const key =
          typeof v.value === 'string' && !chain.cased && chain.type !== 're'
            ? v.value.toLowerCase()
            : JSON.stringify(v.value);
        if (seen.has(key))
          emit(v.span, `value ${JSON.stringify(v.value)} is already listed for '${item.key}'; remove this one`);
        seen.add(key);
      }
    }
  },
};
