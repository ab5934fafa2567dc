/** The text format, for people: `file:line:col: severity CODE message`, grouped per file, then a summary line. */
import { formatDiagnostic } from '../../core/diagnostic.js';
import { byFile, type CheckReport, plural, summarize } from './report.js';

/** Renders a report as text. */
export function formatText(report: CheckReport): string {
  const blocks = [...byFile(report).values()].map((list) =>
    list.map((d) => `${formatDiagnostic(d)} (${d.check})`).join('\n'),
  );
  const s = summarize(report);
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info`;
  const summary =
    report.diagnostics.length === 0
      ? `${plural(s.files, 'file')} checked: no problems`
      : `${plural(s.files, 'file')} checked: ${counts} in ${plural(s.filesWithFindings, 'file')}`;
  return `${[...blocks, summary].join('\n\n')}\n`;
}
