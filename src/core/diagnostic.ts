/** Source positions and diagnostics shared by every stage. Diagnostics are collected, never thrown. */

/** A 1-based line/column range inside one file. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Severity of a diagnostic, from most to least serious. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding about a rule or input file, positioned so an editor can jump to it. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  /** Stable code such as TL104; documented in docs/diagnostics.md. */
  readonly code: string;
  /** Short name of the check that produced it (e.g. `unknown-modifier`). */
  readonly check: string;
  /** What is wrong and what to change. */
  readonly message: string;
}

/** The span used when no better position is known: the start of the file. */
export const FILE_START: Span = Object.freeze({ line: 1, column: 1, endLine: 1, endColumn: 1 });

/** Builds a diagnostic from a span. */
export function diagnostic(
  file: string,
  span: Span | undefined,
  severity: Severity,
  code: string,
  check: string,
  message: string,
): Diagnostic {
  const s = span ?? FILE_START;
  return Object.freeze({
    file,
    line: s.line,
    column: s.column,
    endLine: s.endLine,
    endColumn: s.endColumn,
    severity,
    code,
    check,
    message,
  });
}

/** Formats a diagnostic the way compilers do: `file:line:col: severity CODE message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`;
}
