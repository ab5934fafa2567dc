/** The modification date follows the same YYYY-MM-DD form as `date`. */
import type { RuleCheck } from '../types.js';
import { isIsoDate } from '../util.js';
import { invalidKey, show } from './shared.js';

/** Reports a `modified` that is not a real YYYY-MM-DD day. */
export const invalidModified: RuleCheck = invalidKey(
  'invalid-modified',
  'modified',
  isIsoDate,
  (v) => `modified ${show(v)} is not a real day written YYYY-MM-DD (e.g. 2024-03-31)`,
  'write the modification date as YYYY-MM-DD',
);
