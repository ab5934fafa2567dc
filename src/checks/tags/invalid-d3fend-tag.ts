/** D3FEND tags name a technique (d3-am), an artifact (d3f-WindowsNtOpenFile) or a tactic (detect). */
import type { RuleCheck } from '../types.js';
import { namespaceCheck } from './shared.js';

const TACTICS = ['model', 'harden', 'detect', 'isolate', 'deceive', 'evict'];

/** Reports a d3fend tag that is neither a technique, an artifact nor a tactic. */
export const invalidD3fendTag: RuleCheck = namespaceCheck(
  'invalid-d3fend-tag',
  'd3fend',
  (n) => /^d3-[a-z0-9]+$/.test(n) || /^d3f-[A-Za-z0-9]+$/.test(n) || TACTICS.includes(n),
  `d3fend.d3-<technique>, d3fend.d3f-<Artifact> or a tactic (${TACTICS.join(', ')})`,
);
