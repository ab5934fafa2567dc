/** Builders for the simple metadata checks, so each check file states only what differs. */
import type { CheckName } from '../../core/codes.js';
import type { SigmaDocumentKind } from '../../sigma/types.js';
import type { RuleCheck } from '../types.js';
import { hasValue, headSpan, topValue, valueSpan } from '../util.js';

/** Every kind of Sigma document. */
export const ALL_KINDS: readonly SigmaDocumentKind[] = ['detection', 'correlation', 'filter'];
/** Documents that carry level, status and author (filters do not). */
export const ALERTING_KINDS: readonly SigmaDocumentKind[] = ['detection', 'correlation'];

/** A check that reports a top-level key missing from the given kinds of documents. */
export function missingKey(name: CheckName, key: string, kinds: readonly SigmaDocumentKind[], help: string): RuleCheck {
  return {
    name,
    help,
    scope: 'rule',
    run(entry, _ctx, emit) {
      if (!kinds.includes(entry.document.kind) || hasValue(entry, key)) return;
      emit(headSpan(entry.document), `the rule has no \`${key}\`: ${help}`);
    },
  };
}

/** A check that reports a present top-level key whose value fails a test. */
export function invalidKey(
  name: CheckName,
  key: string,
  valid: (v: unknown) => boolean,
  message: (v: unknown) => string,
  help: string,
): RuleCheck {
  return {
    name,
    help,
    scope: 'rule',
    run(entry, _ctx, emit) {
      if (!hasValue(entry, key)) return;
      const v = topValue(entry, key);
      if (!valid(v)) emit(valueSpan(entry, [key]), message(v));
    },
  };
}

/** Quotes a value for a message. */
export function show(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}
