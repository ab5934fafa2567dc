/**
 * Unknown top-level keys are kept as custom metadata, so a typo such as `falsepositive` or `refrences`
 * silently loses the value. A custom key within two edits of a Sigma key is almost always such a typo.
 */
import { STANDARD_KEYS } from '../../ir/meta.js';
import { editDistance } from '../../sigma/modifiers.js';
import type { RuleCheck } from '../types.js';
import { valueSpan } from '../util.js';

/** The Sigma key a custom key most likely misspells, if any. */
export function misspeltKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = lower.length <= 4 ? 2 : 3;
  for (const std of STANDARD_KEYS) {
    const d = std === lower ? 0 : editDistance(lower, std);
    if (d < bestDistance) {
      best = std;
      bestDistance = d;
    }
  }
  return best;
}

/** Reports a top-level key that is not Sigma but looks like a misspelt Sigma key. */
export const misspeltAttribute: RuleCheck = {
  name: 'misspelt-attribute',
  help: 'fix the spelling of the key (custom metadata belongs under `tripline:` or another clearly custom key)',
  scope: 'rule',
  run(entry, _ctx, emit) {
    for (const key of Object.keys(entry.document.data)) {
      if (STANDARD_KEYS.has(key)) continue;
      const hint = misspeltKey(key);
      if (hint)
        emit(
          valueSpan(entry, [key], true),
          `unknown key '${key}' (did you mean '${hint}'?); its value is ignored by Sigma tools`,
        );
    }
  },
};
