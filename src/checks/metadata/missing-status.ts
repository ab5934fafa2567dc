/** The status says how far the rule can be trusted (experimental -> test -> stable). */
import type { RuleCheck } from '../types.js';
import { ALERTING_KINDS, missingKey } from './shared.js';

/** Reports a detection or correlation without `status`. */
export const missingStatus: RuleCheck = missingKey(
  'missing-status',
  'status',
  ALERTING_KINDS,
  'add `status:` (experimental for a new rule)',
);
