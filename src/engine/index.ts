/**
 * The hunting engine. Consumes post-pipeline IR rules (DetectionRule, CorrelationRule) and LogEvents;
 * produces detections. Rules compile once into closures (compile.ts), are routed by log source
 * (route.ts) and prefiltered by required literals (require.ts, index-literals.ts); correlations run over
 * base matches (correlate.ts). Browser-safe; the worker-thread runner lives in parallel.ts (Node only).
 */
export { type CompiledRule, compileExpr, compileRule, isCompiled } from './compile.js';
export { type CorrelationDetection, type CorrelationInput, Correlator } from './correlate.js';
export { type Detection, type HuntResult, HuntSession, huntEvents, inTimeRange, type TimeRange } from './hunt.js';
export type { Predicate } from './leaves.js';
export { type MatcherOptions, RuleMatcher } from './matcher.js';
export { type Atom, type Requirement, requirementOf } from './require.js';
export { describeLogsource, logsourceAccepts } from './route.js';
export {
  LEVELS,
  levelRank,
  type PreparedRules,
  prepareRules,
  type RuleSelection,
  selects,
  silentRules,
} from './select.js';
export { EventView } from './view.js';
