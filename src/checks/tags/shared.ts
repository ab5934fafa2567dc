/** Reading tags with their spans, and a builder for the checks of one tag namespace. */
import type { CheckName } from '../../core/codes.js';
import type { Span } from '../../core/diagnostic.js';
import type { RuleEntry } from '../../ruleset/types.js';
import type { CheckContext, RuleCheck } from '../types.js';
import { listItems, valueSpan } from '../util.js';

/** One tag of a rule, split at its first dot. */
export interface Tag {
  readonly tag: string;
  readonly namespace: string;
  /** What follows the namespace (`t1059.001` in `attack.t1059.001`). */
  readonly name: string;
  /** Index in the `tags` list. */
  readonly index: number;
}

/** The namespaces of the Sigma tags appendix. */
export const NAMESPACES = ['attack', 'car', 'cve', 'd3fend', 'detection', 'stp', 'tlp'];

/** Every tag of a rule (computed once per run). */
export function tagsOf(entry: RuleEntry, ctx: CheckContext): readonly Tag[] {
  return ctx.cached(entry, 'tags', () =>
    listItems(entry, 'tags').map(({ value, index }) => {
      const dot = value.indexOf('.');
      const namespace = dot < 0 ? '' : value.slice(0, dot);
      return { tag: value, namespace, name: dot < 0 ? value : value.slice(dot + 1), index };
    }),
  );
}

/** The span of a tag in the rule file. */
export function tagSpan(entry: RuleEntry, tag: Tag): Span {
  return valueSpan(entry, ['tags', tag.index]);
}

/** A check that validates the names of one namespace's tags (compared lower-case). */
export function namespaceCheck(
  name: CheckName,
  namespace: string,
  valid: (name: string) => boolean,
  expected: string,
): RuleCheck {
  return {
    name,
    help: `write ${namespace} tags as ${expected}`,
    scope: 'rule',
    run(entry, ctx, emit) {
      for (const t of tagsOf(entry, ctx)) {
        if (t.namespace.toLowerCase() !== namespace || valid(t.name)) continue;
        emit(tagSpan(entry, t), `tag '${t.tag}' is not a valid ${namespace} tag; expected ${expected}`);
      }
    },
  };
}
