/**
 * Fields outside the Sigma taxonomy of the rule's log source are often typos or fields of another log
 * source; backends map only taxonomy fields. Info only: custom fields can be legitimate.
 */
import { readLogsource } from '../../ir/meta.js';
import { editDistance } from '../../sigma/modifiers.js';
import type { RuleCheck } from '../types.js';
import { itemsOf } from '../util.js';

/** The taxonomy field a misspelt one most likely means. */
function closest(field: string, known: ReadonlySet<string>): string | undefined {
  const lower = field.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Reports each field not defined for the rule's log source in the taxonomy. */
export const unknownField: RuleCheck = {
  name: 'unknown-field',
  help: "check the field name against the log source's taxonomy (or map it in a pipeline)",
  scope: 'rule',
  run(entry, ctx, emit) {
    const taxonomy = ctx.data.taxonomy;
    if (!taxonomy || entry.document.kind === 'correlation') return;
    const logsource = readLogsource(entry.document.data.logsource);
    const { fields } = taxonomy.lookup(logsource);
    if (!fields) return;
    const reported = new Set<string>();
    for (const { item } of itemsOf(entry.document)) {
      const f = item.field;
      if (f === null || fields.has(f) || reported.has(f)) continue;
      reported.add(f);
      const hint = closest(f, fields);
      const where = [logsource.product, logsource.category, logsource.service].filter(Boolean).join('/');
      emit(item.keySpan, `field '${f}' is not in the taxonomy of ${where}${hint ? ` (did you mean '${hint}'?)` : ''}`);
    }
  },
};
