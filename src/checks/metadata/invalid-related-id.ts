/** A `related` id must be a rule id (a UUID), and not the rule's own. */
import type { RuleCheck } from '../types.js';
import { isUuid, valueSpan } from '../util.js';

/** Reports a `related` entry with a missing, non-UUID or self-referencing id. */
export const invalidRelatedId: RuleCheck = {
  name: 'invalid-related-id',
  help: 'give each related entry the UUID of another rule',
  scope: 'rule',
  run(entry, _ctx, emit) {
    const related = entry.document.data.related;
    if (!Array.isArray(related)) return;
    const own = entry.document.data.id;
    related.forEach((r, i) => {
      const id = r && typeof r === 'object' ? (r as Record<string, unknown>).id : undefined;
      const span = valueSpan(entry, ['related', i, 'id']);
      if (id === undefined || id === null)
        emit(span, `related entry ${i + 1} has no \`id\`; add the UUID of the related rule`);
      else if (!isUuid(id)) emit(span, `related id ${JSON.stringify(id)} is not a UUID; use the related rule's id`);
      else if (id === own) emit(span, `related id ${id} is this rule's own id; point it at the other rule`);
    });
  },
};
