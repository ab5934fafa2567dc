/** What every output format renders: the files checked and the diagnostics found, plus counts. */
import type { Diagnostic, Severity } from '../../core/diagnostic.js';

/** The result of a `tripline check` run. */
export interface CheckReport {
  /** Every file that was checked, in order (files with findings and clean ones). */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Counts per severity, and how many files were checked and had findings. */
export interface CheckSummary {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Counts a report's diagnostics. */
export function summarize(report: CheckReport): CheckSummary {
  const count = (s: Severity) => report.diagnostics.filter((d) => d.severity === s).length;
  return {
    files: allFiles(report).length,
    filesWithFindings: new Set(report.diagnostics.map((d) => d.file)).size,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
}

/** The checked files plus any file only diagnostics mention (e.g. unreadable paths), in first-seen order. */
export function allFiles(report: CheckReport): string[] {
  const seen = new Set(report.files);
  const out = [...report.files];
  for (const d of report.diagnostics) {
    if (!seen.has(d.file)) {
      seen.add(d.file);
      out.push(d.file);
    }
  }
  return out;
}

/** Diagnostics grouped per file, files in report order. */
export function byFile(report: CheckReport): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    const list = groups.get(d.file);
    if (list) list.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

/** `n thing` / `n things`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
