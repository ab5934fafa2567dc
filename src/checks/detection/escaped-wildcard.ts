/** `\*` matches a literal star; authors mostly mean a wildcard or a Windows path followed by `*`. */
import type { RuleCheck } from '../types.js';
import { isPlainString, stringValues, validItems } from './shared.js';

/** Reports a plain string value holding an escaped wildcard. */
export const escapedWildcard: RuleCheck = {
  name: 'escaped-wildcard',
  help: 'if a literal `*`/`?` is meant, keep it; otherwise remove the backslash (a path separator before `*` needs `\\\\*`)',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item, chain } of validItems(entry, ctx)) {
      if (!isPlainString(chain)) continue;
      for (const v of stringValues(item)) {
        const m = /(?<!\\)(?:\\\\)*\\[*?]/.exec(v.value);
        if (m)
          emit(
            v.span,
            `value '${v.value}' holds an escaped wildcard '${m[0].slice(-2)}', which matches a literal character; check it is meant`,
          );
      }
    }
  },
};
