/** Without the official Sigma schemas (not shipped, read from the shared data), schema validation is skipped; say so once. */
import type { SetCheck } from '../types.js';

/** Reports, once per run, that the Sigma JSON schemas were not found. */
export const schemaUnavailable: SetCheck = {
  name: 'schema-unavailable',
  help: 'run from a checkout with ../shared/corpus/sigma-spec present, or set TRIPLINE_SHARED_DATA',
  scope: 'set',
  run(set, ctx, emit) {
    const first = set.rules[0];
    if (ctx.data.schemas || !first) return;
    emit(
      first.file,
      first.head,
      'the official Sigma JSON schemas were not found (../shared/corpus/sigma-spec), so schema validation was skipped',
    );
  },
};
