/** `Field|all: [a, b]` asks one field to equal a and b at once: it never matches unless a position modifier is added. */
import { parseSigmaString, patternShape } from '../../ir/pattern.js';
import type { RuleCheck } from '../types.js';
import { isPlainString, stringValues, validItems } from './shared.js';

/** Reports `|all` over several exact values without contains/startswith/endswith. */
export const allWithoutContains: RuleCheck = {
  name: 'all-without-contains',
  help: 'add `|contains` (or startswith/endswith) before `|all`, or drop `|all`',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item, chain } of validItems(entry, ctx)) {
      if (!chain.all || chain.position || !isPlainString(chain) || item.values.length < 2) continue;
      const exact = stringValues(item).filter((v) => patternShape(parseSigmaString(v.value)).kind === 'exact');
      if (exact.length >= 2 && new Set(exact.map((v) => v.value.toLowerCase())).size >= 2)
        emit(
          item.keySpan,
          `'${item.key}' requires one value to equal several different strings, which never matches; add '|contains'`,
        );
    }
  },
};
