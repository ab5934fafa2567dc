/** A search no condition uses is dead code: usually a filter someone forgot to add to the condition. */
import { referencedSearches } from '../../sigma/condition.js';
import type { RuleCheck } from '../types.js';
import { conditionsOf, searchesOf } from '../util.js';

/** Reports every search that no condition of the rule refers to. */
export const unusedSearch: RuleCheck = {
  name: 'unused-search',
  help: 'use the search in the condition (e.g. `and not filter`) or delete it',
  scope: 'rule',
  run(entry, _ctx, emit) {
    const doc = entry.document;
    const searches = searchesOf(doc);
    const conditions = conditionsOf(doc);
    const written = doc.kind === 'detection' ? doc.conditions.length : conditions.length;
    if (searches.length === 0 || conditions.length === 0 || conditions.length !== written) return;
    const names = searches.map((s) => s.name);
    const used = new Set<string>();
    for (const c of conditions) for (const n of referencedSearches(c.ast, names)) used.add(n);
    for (const s of searches) {
      if (!used.has(s.name))
        emit(
          s.nameSpan,
          `search '${s.name}' is defined but no condition uses it; add it to the condition or delete it`,
        );
    }
  },
};
