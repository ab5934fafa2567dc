/** The rule-type tags of the SigmaHQ repository. */
import type { RuleCheck } from '../types.js';
import { namespaceCheck } from './shared.js';

const TYPES = ['dfir', 'emerging-threats', 'threat-hunting'];

/** Reports a detection tag that is not one of the SigmaHQ rule types. */
export const invalidDetectionTag: RuleCheck = namespaceCheck(
  'invalid-detection-tag',
  'detection',
  (n) => TYPES.includes(n),
  `one of ${TYPES.map((t) => `detection.${t}`).join(', ')}`,
);
