/** The creation date lets readers judge how current a rule is. */
import type { RuleCheck } from '../types.js';
import { ALL_KINDS, missingKey } from './shared.js';

/** Reports a rule without `date`. */
export const missingDate: RuleCheck = missingKey(
  'missing-date',
  'date',
  ALL_KINDS,
  'add `date:` with the creation day as YYYY-MM-DD',
);
