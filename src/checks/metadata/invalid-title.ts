/** Titles are shown in alert lists: one line, at most 256 characters (the Sigma schema's limit). */
import type { RuleCheck } from '../types.js';
import { invalidKey } from './shared.js';

/** Longest title the Sigma schema allows. */
const MAX_TITLE = 256;

/** Reports a title that is not a string, spans lines or exceeds 256 characters. */
export const invalidTitle: RuleCheck = invalidKey(
  'invalid-title',
  'title',
  (v) => typeof v === 'string' && v.length <= MAX_TITLE && !v.includes('\n'),
  (v) =>
    typeof v !== 'string'
      ? 'the title must be a string'
      : v.includes('\n')
        ? 'the title spans several lines; keep it to one line and move details to `description`'
        : `the title has ${v.length} characters; shorten it to at most ${MAX_TITLE} and move details to \`description\``,
  'keep the title to one line of at most 256 characters',
);
