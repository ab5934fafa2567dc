/**
 * `*foo*`, `foo*` and `*foo` say contains/startswith/endswith with wildcards; the modifiers say it plainly,
 * and backends turn them into the target's native operator instead of a wildcard match.
 */
import { parseSigmaString, patternShape } from '../../ir/pattern.js';
import type { RuleCheck } from '../types.js';
import { isPlainString, stringValues, validItems } from './shared.js';

const MODIFIER = { contains: 'contains', prefix: 'startswith', suffix: 'endswith' } as const;

/** Reports an item whose values all use the same leading/trailing wildcards and no position modifier. */
export const wildcardInsteadOfModifier: RuleCheck = {
  name: 'wildcard-instead-of-modifier',
  help: 'drop the leading/trailing `*` and add the contains, startswith or endswith modifier',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item, chain } of validItems(entry, ctx)) {
      if (item.field === null || chain.position || !isPlainString(chain) || chain.encodings.length > 0) continue;
      const values = stringValues(item);
      if (values.length === 0 || values.length !== item.values.length) continue;
      const shapes = new Set(values.map((v) => patternShape(parseSigmaString(v.value, chain.expand)).kind));
      const [shape] = shapes;
      if (shapes.size !== 1 || !(shape === 'contains' || shape === 'prefix' || shape === 'suffix')) continue;
      const mod = MODIFIER[shape];
      emit(
        values[0].span,
        `'${item.key}' uses wildcards where a modifier belongs; write '${item.key}|${mod}' and drop the outer '*'`,
      );
    }
  },
};
