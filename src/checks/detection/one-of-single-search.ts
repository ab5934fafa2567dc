/**
 * `1 of them` (or `1 of name`) over a single search is a quantifier with nothing to choose from; name the
 * search. `1 of filter_optional_*` is left alone: the SigmaHQ idiom keeps such patterns so filters can be added.
 */
import { conditionSpan } from '../../ir/condition.js';
import { matchSearchPattern } from '../../sigma/condition.js';
import type { RuleCheck } from '../types.js';
import { conditionNodes, conditionsOf, isGrowablePattern, searchesOf } from '../util.js';

/** Reports `1 of them` / `1 of name` that covers exactly one search. */
export const oneOfSingleSearch: RuleCheck = {
  name: 'one-of-single-search',
  help: 'name the search directly instead of using `1 of`',
  scope: 'rule',
  run(entry, _ctx, emit) {
    const names = searchesOf(entry.document).map((s) => s.name);
    for (const { raw, ast } of conditionsOf(entry.document)) {
      for (const n of conditionNodes(ast)) {
        if (n.kind !== 'quantifier' || n.quantifier !== 'one' || isGrowablePattern(n.target)) continue;
        const matched = matchSearchPattern(n.target, names);
        if (matched.length === 1)
          emit(
            conditionSpan(raw, n.start, n.end),
            `\`1 of ${n.target}\` covers the single search '${matched[0]}'; write '${matched[0]}' instead`,
          );
      }
    }
  },
};
