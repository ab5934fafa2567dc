/** Summiting the Pyramid scores: analytic robustness 1-5, optionally with event robustness a/u/k. */
import type { RuleCheck } from '../types.js';
import { namespaceCheck } from './shared.js';

/** Reports an stp tag that is not a Summiting the Pyramid score. */
export const invalidStpTag: RuleCheck = namespaceCheck(
  'invalid-stp-tag',
  'stp',
  (n) => /^[1-5][auk]?$/.test(n),
  'stp.<1-5> or stp.<1-5><a|u|k>, e.g. stp.3k',
);
