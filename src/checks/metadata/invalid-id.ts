/** Sigma recommends UUID ids; other ids collide and break tools that expect UUIDs. */
import type { RuleCheck } from '../types.js';
import { isUuid } from '../util.js';
import { invalidKey, show } from './shared.js';

/** Reports an `id` that is not a UUID. */
export const invalidId: RuleCheck = invalidKey(
  'invalid-id',
  'id',
  isUuid,
  (v) => `id ${show(v)} is not a UUID; use a random UUID such as 0b9a6c3e-6f2e-4d7b-9d7e-2f1c8a4b5e61`,
  'replace the id with a random UUID (version 4)',
);
