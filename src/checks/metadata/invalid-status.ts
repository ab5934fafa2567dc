/** The Sigma rule statuses. */
import type { RuleCheck } from '../types.js';
import { invalidKey, show } from './shared.js';

/** The statuses Sigma defines. */
export const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'];

/** Reports a `status` that is not a Sigma status. */
export const invalidStatus: RuleCheck = invalidKey(
  'invalid-status',
  'status',
  (v) => typeof v === 'string' && STATUSES.includes(v),
  (v) => `status ${show(v)} is not one of ${STATUSES.join(', ')}`,
  'use one of stable, test, experimental, deprecated, unsupported',
);
