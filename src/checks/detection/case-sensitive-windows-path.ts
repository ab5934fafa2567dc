/** Windows paths are case-insensitive, but `|re` is case-sensitive unless `|re|i` or `(?i)` is used. */
import type { RuleCheck } from '../types.js';
import { stringValues, validItems } from './shared.js';

/** A regex that matches a literal backslash or a drive letter: it is about a Windows path. */
const WINDOWS_PATH = /\\\\|[A-Za-z]:\\|\\\\(windows|system32|users|program)/i;

/** Reports a case-sensitive regex over what looks like a Windows path. */
export const caseSensitiveWindowsPath: RuleCheck = {
  name: 'case-sensitive-windows-path',
  help: 'use `|re|i` (or start the regex with `(?i)`) so C:\\Windows and c:\\windows both match',
  scope: 'rule',
  run(entry, ctx, emit) {
    for (const { item, chain } of validItems(entry, ctx)) {
      if (chain.type !== 're' || chain.regexFlags.includes('i')) continue;
      for (const v of stringValues(item)) {
        if (WINDOWS_PATH.test(v.value) && !v.value.startsWith('(?i)'))
          emit(v.span, `regex on a Windows path is case-sensitive; use '${item.key}|i' or start it with '(?i)'`);
      }
    }
  },
};
