/** Browser stand-in for src/ruleset/files.ts: the catalog only loads in-memory rule texts. */
import type { Diagnostic } from '../../../src/core/diagnostic.js';

/** Rule file extensions (same as the Node module). */
export const RULE_EXTENSIONS = new Set(['.yml', '.yaml']);

/** Not available in the browser. */
export async function findRuleFiles(_paths: readonly string[], _diagnostics: Diagnostic[]): Promise<string[]> {
  throw new Error('reading rule files is not available in the browser; use loadRuleTexts');
}

/** Not available in the browser. */
export function readBytes(_file: string, _diagnostics: Diagnostic[]): Uint8Array | undefined {
  throw new Error('reading rule files is not available in the browser; use loadRuleTexts');
}
