/** The author is who to ask about the rule. */
import type { RuleCheck } from '../types.js';
import { ALERTING_KINDS, missingKey } from './shared.js';

/** Reports a detection or correlation without `author`. */
export const missingAuthor: RuleCheck = missingKey(
  'missing-author',
  'author',
  ALERTING_KINDS,
  'add `author:` with the name or handle of whoever maintains the rule',
);
