/** Control characters in a value usually come from `"\t"` or `"C:\new"` in a double-quoted YAML string. */
import type { RuleCheck } from '../types.js';
import { stringValues, validItems } from './shared.js';

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Reports a value holding a control character. */
export const controlCharacter: RuleCheck = {
  name: 'control-character',
  help: "use single quotes (or escape the backslash) so '\\t' and '\\n' stay two characters",
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item } of validItems(entry, ctx)) {
      for (const v of stringValues(item)) {
        const m = CONTROL.exec(v.value);
        if (!m) continue;
        const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        emit(
          v.span,
          `value holds the control character ${code}; a backslash in a double-quoted YAML string was probably read as an escape — use single quotes`,
        );
      }
    }
  },
};
