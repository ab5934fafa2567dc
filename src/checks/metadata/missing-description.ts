/** A description tells the analyst what fired and why it matters. */
import type { RuleCheck } from '../types.js';
import { ALL_KINDS, missingKey } from './shared.js';

/** Reports a rule without `description`. */
export const missingDescription: RuleCheck = missingKey(
  'missing-description',
  'description',
  ALL_KINDS,
  'add a `description:` saying what the rule detects and why it matters',
);
