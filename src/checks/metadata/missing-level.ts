/** Without a level, backends and SIEMs cannot rank the alert. */
import type { RuleCheck } from '../types.js';
import { ALERTING_KINDS, missingKey } from './shared.js';

/** Reports a detection or correlation without `level`. */
export const missingLevel: RuleCheck = missingKey(
  'missing-level',
  'level',
  ALERTING_KINDS,
  'add `level:` (informational, low, medium, high or critical)',
);
