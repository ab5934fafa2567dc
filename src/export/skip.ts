/** Builds skipped entries for rules a writer cannot emit. */
import type { ExportRule, LimitError, Skipped } from './types.js';

/** A skipped entry for a rule that breaks a platform limit (positioned at the rule). */
export function skip(r: ExportRule, error: LimitError): Skipped {
  return {
    id: r.rule.meta.id,
    title: r.rule.meta.title,
    file: r.rule.origin.file,
    line: r.rule.origin.span.line,
    column: r.rule.origin.span.column,
    limit: error.limit,
    reason: `rule '${r.rule.meta.title}': ${error.reason} (${error.limit})`,
  };
}
