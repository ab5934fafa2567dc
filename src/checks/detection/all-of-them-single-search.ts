/** `all of them` over a single search says less than naming the search, and breaks when a filter is added. */
import { conditionSpan } from '../../ir/condition.js';
import { matchSearchPattern } from '../../sigma/condition.js';
import type { RuleCheck } from '../types.js';
import { conditionNodes, conditionsOf, isGrowablePattern, searchesOf } from '../util.js';

/** Reports `all of them` / `all of name` that covers exactly one search (wildcard patterns are the SigmaHQ idiom). */
export const allOfThemSingleSearch: RuleCheck = {
  name: 'all-of-them-single-search',
  help: 'name the search directly instead of using `all of`',
  scope: 'rule',
  run(entry, _ctx, emit) {
    const names = searchesOf(entry.document).map((s) => s.name);
    for (const { raw, ast } of conditionsOf(entry.document)) {
      for (const n of conditionNodes(ast)) {
        if (n.kind !== 'quantifier' || n.quantifier !== 'all' || isGrowablePattern(n.target)) continue;
        const matched = matchSearchPattern(n.target, names);
        if (matched.length === 1)
          emit(
            conditionSpan(raw, n.start, n.end),
            `\`all of ${n.target}\` covers the single search '${matched[0]}'; write '${matched[0]}' instead`,
          );
      }
    }
  },
};
