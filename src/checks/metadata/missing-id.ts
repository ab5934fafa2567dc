/** Rules need a stable id so correlations, filters and `related` can refer to them. */
import type { RuleCheck } from '../types.js';
import { ALL_KINDS, missingKey } from './shared.js';

/** Reports a rule without `id`. */
export const missingId: RuleCheck = missingKey(
  'missing-id',
  'id',
  ALL_KINDS,
  'add `id:` with a new random UUID (e.g. from `uuidgen`)',
);
