/** Only the namespaces of the Sigma tags appendix are understood by Sigma tools. */
import type { RuleCheck } from '../types.js';
import { NAMESPACES, tagSpan, tagsOf } from './shared.js';

/** Reports a tag whose namespace is not one of the Sigma namespaces. */
export const unknownTagNamespace: RuleCheck = {
  name: 'unknown-tag-namespace',
  help: `use one of the Sigma tag namespaces: ${NAMESPACES.join(', ')}`,
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const t of tagsOf(entry, ctx)) {
      if (t.namespace === '' || NAMESPACES.includes(t.namespace.toLowerCase())) continue;
      emit(
        tagSpan(entry, t),
        `tag '${t.tag}' has namespace '${t.namespace}', which is not one of ${NAMESPACES.join(', ')}`,
      );
    }
  },
};
