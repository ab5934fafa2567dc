/** Exit codes shared by every command (documented in docs/cli.md). */
export const EXIT = {
  /** Everything went well. */
  ok: 0,
  /** The command ran and found problems: rule errors, failed tests, detections with --fail-on-match. */
  findings: 1,
  /** Bad usage: unknown option, missing argument, unknown target. */
  usage: 2,
  /** Input was partly unreadable (skipped files or records) but the command finished. */
  skipped: 3,
  /** A bug in tripline. */
  internal: 70,
} as const;
