/** Sigma tags are `namespace.name` in lower case (the schema pattern); D3FEND artifacts keep their CamelCase. */
import type { RuleCheck } from '../types.js';
import { tagSpan, tagsOf } from './shared.js';

const TAG = /^[a-z0-9_-]+\.[a-z0-9._-]+$/;
const D3FEND_ARTIFACT = /^d3fend\.d3f-[A-Za-z0-9]+$/;

/** Reports a tag that is not lower-case `namespace.name`. */
export const invalidTagFormat: RuleCheck = {
  name: 'invalid-tag-format',
  help: 'write tags as lower-case `namespace.name`, e.g. attack.t1059.001',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const t of tagsOf(entry, ctx)) {
      if (TAG.test(t.tag) || D3FEND_ARTIFACT.test(t.tag)) continue;
      const lower = t.tag.toLowerCase().replace(/\s+/g, '-');
      const hint = TAG.test(lower) ? ` (write '${lower}')` : '';
      emit(tagSpan(entry, t), `tag '${t.tag}' is not lower-case namespace.name${hint}`);
    }
  },
};
