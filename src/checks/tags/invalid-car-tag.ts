/** CAR analytics are tagged without the `CAR-` prefix: car.2016-04-005. */
import type { RuleCheck } from '../types.js';
import { namespaceCheck } from './shared.js';

/** Reports a car tag that is not like car.2016-04-005. */
export const invalidCarTag: RuleCheck = namespaceCheck(
  'invalid-car-tag',
  'car',
  (n) => /^\d{4}-\d{2}-\d{3}$/.test(n),
  'car.YYYY-MM-NNN, e.g. car.2016-04-005',
);
