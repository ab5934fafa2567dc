/** The Sigma levels, lower case. */
import type { RuleCheck } from '../types.js';
import { invalidKey, show } from './shared.js';

/** The levels Sigma defines. */
export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'];

/** Reports a `level` that is not a Sigma level. */
export const invalidLevel: RuleCheck = invalidKey(
  'invalid-level',
  'level',
  (v) => typeof v === 'string' && LEVELS.includes(v),
  (v) => {
    const lower = String(v).toLowerCase();
    const hint = LEVELS.includes(lower) ? ` (write '${lower}' in lower case)` : '';
    return `level ${show(v)} is not one of ${LEVELS.join(', ')}${hint}`;
  },
  'use one of informational, low, medium, high, critical',
);
