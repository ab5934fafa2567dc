/**
 * SARIF 2.1.0 (OASIS), read by GitHub code scanning and most IDEs: one run, every catalog code as a
 * reportingDescriptor (id = code, name = check, help), one result per diagnostic with a physicalLocation region.
 */
import { type CheckName, CODES } from '../../core/codes.js';
import type { Severity } from '../../core/diagnostic.js';
import { VERSION } from '../../version.js';
import { CHECKS } from '../registry.js';
import type { CheckReport } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Turns a file path into a SARIF artifact URI (forward slashes, percent-encoded). */
export function toUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/')).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

function rules() {
  const help = new Map<string, string>(CHECKS.map((c) => [c.name, c.help]));
  return (Object.keys(CODES) as CheckName[]).map((name) => {
    const info = CODES[name];
    const text = help.get(name) ?? info.summary;
    return {
      id: info.code,
      name,
      shortDescription: { text: info.summary },
      help: { text, markdown: `${text}\n\nSee docs/diagnostics.md#${info.code.toLowerCase()}` },
      defaultConfiguration: { level: LEVEL[info.severity] },
    };
  });
}

/** Renders a report as a SARIF 2.1.0 log. */
export function formatSarif(report: CheckReport): string {
  const descriptors = rules();
  const index = new Map<string, number>(descriptors.map((r, i) => [r.id, i]));
  const results = report.diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: index.get(d.code) ?? -1,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(d.file) },
          region: {
            startLine: d.line,
            startColumn: d.column,
            endLine: d.endLine,
            endColumn: Math.max(d.endColumn, d.column),
          },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tripline',
            version: VERSION,
            informationUri: 'https://github.com/tripline/tripline',
            rules: descriptors,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
