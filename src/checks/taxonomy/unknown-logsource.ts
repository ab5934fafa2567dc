/** A product, category or service outside the Sigma taxonomy matches no backend's log source mapping. */
import { readLogsource } from '../../ir/meta.js';
import type { RuleCheck } from '../types.js';
import { valueSpan } from '../util.js';

/** Reports log source parts the taxonomy does not know (info: custom log sources exist). */
export const unknownLogsource: RuleCheck = {
  name: 'unknown-logsource',
  help: 'check the spelling against the Sigma taxonomy, or map the custom log source in a pipeline',
  scope: 'rule',
  run(entry, ctx, emit) {
    const taxonomy = ctx.data.taxonomy;
    if (!taxonomy || entry.document.kind === 'correlation' || !entry.document.data.logsource) return;
    const { unknown } = taxonomy.lookup(readLogsource(entry.document.data.logsource));
    if (unknown.length === 0) return;
    const key = unknown[0].split(' ')[0];
    emit(
      valueSpan(entry, ['logsource', key]),
      `log source ${unknown.join(' and ')} is not in the Sigma taxonomy (logsource.json ${taxonomy.version})`,
    );
  },
};
