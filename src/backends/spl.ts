/**
 * Splunk SPL (https://docs.splunk.com/Documentation/Splunk/latest/SearchReference). A rule is written as
 * search terms when it can be; leaves only an eval expression can say make the query re-emit with a
 * `| where` part (spl-query.ts). Correlations use `streamstats` sliding windows (spl-correlation.ts).
 */
import type { Match } from '../ir/types.js';
import { isUnsupported } from '../pipelines/types.js';
import { unsupported } from './emit.js';
import { splCorrelation } from './spl-correlation.js';
import { type Leaf, needsWhere, orSameField, SEARCH_LEAVES, SPL_BASE, WHERE_LEAVES } from './spl-leaves.js';
import { splQuery } from './spl-query.js';
import { NEEDS_WHERE } from './spl-text.js';
import type { Dialect, EmitContext, Emitted, LeafEmitters } from './types.js';

/** First pass: a leaf that needs `| where` but can be written there passes; splQuery re-emits the rule. */
function firstPass<K extends Match['kind']>(kind: K) {
  return (node: Extract<Match, { kind: K }>, _ctx: EmitContext): Emitted => {
    const s = (SEARCH_LEAVES[kind] as Leaf<K>)(node);
    if (!isUnsupported(s) || s !== needsWhere) return s;
    const w = (WHERE_LEAVES[kind] as Leaf<K>)(node);
    return isUnsupported(w) ? w : `${NEEDS_WHERE}`;
  };
}

const KINDS = Object.keys(SEARCH_LEAVES) as Match['kind'][];

/** Splunk SPL: search terms, `| where` where needed, `tstats` over CIM data models, streamstats correlations. */
export const spl = {
  ...SPL_BASE,
  name: 'spl',
  title: 'Splunk SPL',
  constant: (v) => (v ? '*' : unsupported('a constant false condition')),
  leaves: Object.fromEntries(KINDS.map((k) => [k, firstPass(k)])) as unknown as LeafEmitters,
  orSameField,
  query: (condition, scope, rule, ctx) => splQuery(condition, scope, rule, ctx),
  correlation: (rule, bases, ctx) => splCorrelation(rule, bases, ctx),
} satisfies Dialect;
