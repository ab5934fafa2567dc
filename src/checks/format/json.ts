/**
 * The JSON format (documented in docs/diagnostics.md):
 * `{version, tool, diagnostics: [{file, line, column, endLine, endColumn, severity, code, check, message}], summary}`.
 */
import { VERSION } from '../../version.js';
import { type CheckReport, summarize } from './report.js';

/** Version of the JSON output shape; bumped on incompatible changes. */
export const JSON_FORMAT_VERSION = 1;

/** Renders a report as JSON. */
export function formatJson(report: CheckReport): string {
  const diagnostics = report.diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    code: d.code,
    check: d.check,
    message: d.message,
  }));
  const out = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'tripline', version: VERSION },
    diagnostics,
    summary: summarize(report),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
