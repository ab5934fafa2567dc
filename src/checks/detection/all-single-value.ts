/** `|all` combines several values with AND; with one value it does nothing and hints at a missing value. */
import type { RuleCheck } from '../types.js';
import { validItems } from './shared.js';

/** Reports `|all` over a single value. */
export const allSingleValue: RuleCheck = {
  name: 'all-single-value',
  help: 'remove `|all` or list the other values that must all match',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item, chain } of validItems(entry, ctx)) {
      if (chain.all && item.values.length === 1)
        emit(item.keySpan, `'${item.key}' has a single value, so '|all' does nothing; remove it or add values`);
    }
  },
};
