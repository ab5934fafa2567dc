/** Two rules with one title are indistinguishable in an alert queue (compared case-insensitively). */
import type { SetCheck } from '../types.js';

/** Reports every rule whose title an earlier rule of the set already uses. */
export const duplicateTitle: SetCheck = {
  name: 'duplicate-title',
  help: 'make the title say what distinguishes this rule from the other',
  scope: 'set',
  run(set, _ctx, emit) {
    const seen = new Map<string, string>();
    for (const rule of set.rules) {
      const title = rule.title;
      if (title === undefined || title.trim() === '') continue;
      const key = title.trim().toLowerCase();
      const first = seen.get(key);
      if (first) emit(rule.file, rule.titleSpan, `title '${title}' is also used by ${first}; make it distinct`);
      else seen.set(key, `${rule.file}:${rule.titleSpan.line}`);
    }
  },
};
