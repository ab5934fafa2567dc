/** TLP 2.0 levels; TLP 1's `white` became `clear`. */
import type { RuleCheck } from '../types.js';
import { namespaceCheck } from './shared.js';

const LEVELS = ['red', 'amber', 'amber-strict', 'green', 'clear'];

/** Reports a tlp tag that is not a TLP 2.0 level. */
export const invalidTlpTag: RuleCheck = namespaceCheck(
  'invalid-tlp-tag',
  'tlp',
  (n) => LEVELS.includes(n),
  `one of ${LEVELS.map((l) => `tlp.${l}`).join(', ')} (TLP 1 'white' is now 'clear')`,
);
