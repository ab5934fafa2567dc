/**
 * `tripline check`: consumes a loaded RuleSet (src/ruleset) plus reference data; produces Diagnostic[] —
 * the parse-stage diagnostics and those of every check of registry.ts, with the user's severity settings applied.
 * One file per check (meta + check function); adding a check adds its file, one line in registry.ts and its entry
 * in the CODES catalog (src/core/codes.ts). Node-only parts live apart: data/load.ts reads the reference
 * data, parallel.ts + chunk.ts + worker.ts run files on worker threads (what the CLI uses).
 */

export { type CheckConfig, type CheckSetting, checkSettings, parseCheckConfig } from './config.js';
export { CHECKS } from './registry.js';
export { checkRuleSet } from './runner.js';
export type { Check, CheckContext, ReferenceData, RuleCheck, SetCheck } from './types.js';
