/** Output formats of `tripline check`: a table from format name to renderer over a CheckReport. */
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import type { CheckReport } from './report.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** Every output format by name. */
export const FORMATS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
} as const satisfies Record<string, (report: CheckReport) => string>;

/** The name of an output format. */
export type FormatName = keyof typeof FORMATS;

export { type CheckReport, type CheckSummary, summarize } from './report.js';
export { formatJson, formatJunit, formatSarif, formatText };
