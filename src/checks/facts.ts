/** Extracts the facts set-wide checks compare from one rule document (see RuleFacts in types.ts). */
import type { RuleEntry } from '../ruleset/types.js';
import type { RuleFacts } from './types.js';
import { headSpan, listItems, valueSpan } from './util.js';

/** The facts of one rule document. */
export function factsOf(entry: RuleEntry): RuleFacts {
  const title = entry.document.data.title;
  const attack = listItems(entry, 'tags').find((t) => t.value.toLowerCase().startsWith('attack.'));
  return {
    file: entry.document.file,
    title: typeof title === 'string' ? title : undefined,
    titleSpan: valueSpan(entry, ['title']),
    head: headSpan(entry.document),
    attackTag: attack ? valueSpan(entry, ['tags', attack.index]) : undefined,
  };
}
