/**
 * tripline's library API: everything the CLI does, for other TypeScript tools to embed.
 * Flow: rule text -> sigma (parse) -> ir (normalise) -> pipelines -> backends (query text) / engine (matches).
 */

export { type Conversion, convertRuleSet, TARGETS, targetByName } from './backends/index.js';
export { ruleToSigma, SIGMA } from './backends/sigma.js';
export { type EventRow, eventColumns, eventsToRows, rowValues, TYPED_COLUMNS } from './backends/sql-schema.js';
export { SQL, SQL_CLICKHOUSE, SQL_DUCKDB, SQL_SQLITE } from './backends/sql-targets.js';
export type { Dialect } from './backends/types.js';
export { loadReferenceData, type ReferenceDataOptions } from './checks/data/load.js';
export {
  type CheckReport,
  type CheckSummary,
  FORMATS as CHECK_FORMATS,
  formatJson,
  formatJunit,
  formatSarif,
  formatText,
  summarize,
} from './checks/format/index.js';
export {
  CHECKS,
  type Check,
  type CheckConfig,
  type CheckContext,
  type CheckSetting,
  checkRuleSet,
  checkSettings,
  parseCheckConfig,
  type ReferenceData,
} from './checks/index.js';
export { type CheckPathsOptions, type CheckPathsResult, checkPaths } from './checks/parallel.js';
export { type CheckName, CODES } from './core/codes.js';
export type { Diagnostic, Severity, Span } from './core/diagnostic.js';
export { formatDiagnostic } from './core/diagnostic.js';
export {
  type CompiledRule,
  type CorrelationDetection,
  Correlator,
  compileRule,
  type Detection,
  type HuntResult,
  HuntSession,
  huntEvents,
  type PreparedRules,
  prepareRules,
  RuleMatcher,
  type RuleSelection,
} from './engine/index.js';
export {
  type AttackIndex,
  attackIndex,
  type ExportFile,
  type ExportOptions,
  type ExportResult,
  type ExportRule,
  exportRuleSet,
  type ImportedRule,
  importElasticToml,
  loadAttack,
  PLATFORMS as EXPORT_PLATFORMS,
  type Platform as ExportPlatform,
  platformByName,
  type Skipped as ExportSkipped,
} from './export/index.js';
export { coverageLayer } from './export/navigator.js';
export { writeExport } from './export/write.js';
export { and, type ExprVisitor, fieldsOf, leaves, mapExpr, not, or, visit } from './ir/expr.js';
export { formatSigmaString, type PatternShape, parseSigmaString, patternShape } from './ir/pattern.js';
export type * from './ir/types.js';
export { applyPipelines, BUILTIN_PIPELINES, builtinPipeline, parsePipelineText } from './pipelines/index.js';
export type { PipelineSpec, Scope } from './pipelines/types.js';
export { loadRules, loadRuleTexts } from './ruleset/load.js';
export type { RuleEntry, RuleSet } from './ruleset/types.js';
export { type ConditionNode, parseCondition } from './sigma/condition.js';
export { MODIFIERS, type ModifierName, parseModifiers } from './sigma/modifiers.js';
export {
  FORMATS as SIMULATE_FORMATS,
  type FormatName as SimulateFormat,
  renderEvents,
  resolveScenarios,
  SCENARIOS,
  type ScenarioDef,
  type SimEvent,
  type SimulateOptions,
  simulate,
} from './simulate/index.js';
export { buildSite, SITE_APP_DIR, type SiteOptions, type SiteReport } from './site/build.js';
export { navigatorLayer } from './site/layer.js';
export { serveStatic } from './site/serve.js';
export type { RuleSummary, SiteIndex, SiteRule } from './site/types.js';
export type { EventOrigin, FieldValue, LogEvent, SkippedRecord } from './sources/event.js';
export {
  openEventDb,
  renderJson as renderTestJson,
  renderJunit as renderTestJunit,
  renderText as renderTestText,
  runEngine,
  type TestOptions,
  type TestReport,
  testRules,
} from './testing/index.js';
export { VERSION } from './version.js';
