/** `related` entries say how rules relate; only the Sigma relation types are understood by tools. */
import type { RuleCheck } from '../types.js';
import { valueSpan } from '../util.js';

/** The relation types Sigma defines. */
export const RELATED_TYPES = ['derived', 'obsolete', 'merged', 'renamed', 'similar'];

/** Reports a `related` entry whose type is missing or not a Sigma relation type. */
export const invalidRelatedType: RuleCheck = {
  name: 'invalid-related-type',
  help: 'use one of derived, obsolete, merged, renamed, similar as the `type` of each related entry',
  scope: 'rule',
  run(entry, _ctx, emit) {
    const related = entry.document.data.related;
    if (!Array.isArray(related)) return;
    related.forEach((r, i) => {
      const type = r && typeof r === 'object' ? (r as Record<string, unknown>).type : undefined;
      if (typeof type === 'string' && RELATED_TYPES.includes(type)) return;
      const what = type === undefined ? 'has no `type`' : `has type ${JSON.stringify(type)}`;
      emit(
        valueSpan(entry, ['related', i, 'type']),
        `related entry ${i + 1} ${what}; use one of ${RELATED_TYPES.join(', ')}`,
      );
    });
  },
};
