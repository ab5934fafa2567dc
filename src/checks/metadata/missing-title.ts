/** The title names the rule in every alert and catalog page. */
import type { RuleCheck } from '../types.js';
import { ALL_KINDS, missingKey } from './shared.js';

/** Reports a rule without `title`. */
export const missingTitle: RuleCheck = missingKey(
  'missing-title',
  'title',
  ALL_KINDS,
  'add a short `title:` saying what the rule detects',
);
