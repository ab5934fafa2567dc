/** Dates are ISO 8601 days (YYYY-MM-DD) that exist on the calendar. */
import type { RuleCheck } from '../types.js';
import { isIsoDate } from '../util.js';
import { invalidKey, show } from './shared.js';

/** Reports a `date` that is not a real YYYY-MM-DD day. */
export const invalidDate: RuleCheck = invalidKey(
  'invalid-date',
  'date',
  isIsoDate,
  (v) => `date ${show(v)} is not a real day written YYYY-MM-DD (e.g. 2024-03-31)`,
  'write the date as YYYY-MM-DD',
);
