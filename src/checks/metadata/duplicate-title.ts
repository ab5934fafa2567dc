/** Two rules with one title are indistinguishable in an alert queue (compared case-insensitively). */
import type { SetCheck } from '../types.js';
import { valueSpan } from '../util.js';

/** Reports every rule whose title an earlier rule of the set already uses. */
export const duplicateTitle: SetCheck = {
  name: 'duplicate-title',
  help: 'make the title say what distinguishes this rule from the other',
  scope: 'set',
  run(set, _ctx, emit) {
    const seen = new Map<string, string>();
    for (const entry of set.entries) {
      const title = entry.document.data.title;
      if (typeof title !== 'string' || title.trim() === '') continue;
      const key = title.trim().toLowerCase();
      const span = valueSpan(entry, ['title']);
      const first = seen.get(key);
      if (first) emit(entry.document.file, span, `title '${title}' is also used by ${first}; make it distinct`);
      else seen.set(key, `${entry.document.file}:${span.line}`);
    }
  },
};
