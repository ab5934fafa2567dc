/**
 * Validates each document against the official Sigma JSON schema of its kind (read at run time from the
 * shared data). Paths that a dedicated check already covers with a better message are left to that check.
 */
import type { RuleCheck } from '../types.js';
import { valueSpan } from '../util.js';

/** Top-level keys whose schema errors a dedicated check reports (title, id, level, dates, related, tags...). */
const COVERED = new Set([
  'title',
  'id',
  'level',
  'status',
  'date',
  'modified',
  'related',
  'tags',
  'fields',
  'references',
  'detection',
  'tripline',
]);

/** Reports schema violations of the official Sigma schemas. */
export const sigmaSchema: RuleCheck = {
  name: 'sigma-schema',
  help: 'fix the rule so it follows the Sigma specification (the message names the key)',
  scope: 'rule',
  run(entry, ctx, emit) {
    const validate = ctx.data.schemas?.[entry.document.kind];
    // A document the parser already rejected gets its parse errors only, not a cascade of schema errors.
    if (!validate || ctx.hasParseErrors(entry.document.file)) return;
    const seen = new Set<string>();
    for (const e of validate(entry.document.data)) {
      const top = e.path.length > 0 ? e.path[0] : (e.key ?? /`(\w+)`$/.exec(e.message)?.[1]);
      if (typeof top === 'string' && COVERED.has(top)) continue;
      const path = e.key ? [...e.path, e.key] : e.path;
      // oneOf/anyOf report every failed branch; one finding per place is enough.
      if (seen.has(path.join('/'))) continue;
      seen.add(path.join('/'));
      emit(valueSpan(entry, path, e.key !== undefined), `Sigma schema: ${e.message}`);
    }
  },
};
