/**
 * Rule testing (Node only). Consumes rule files with `tripline.tests`/`tripline.tuning` metadata and a seed;
 * simulates the named scenarios and a benign background, runs the engine, DuckDB (`sql` target) and every
 * conversion target, and produces a TestReport rendered as text, JSON or JUnit (docs/testing.md).
 */
export { type EventDb, openEventDb } from './duckdb.js';
export { type EngineOutcome, eventKey, runEngine } from './engine-run.js';
export { backgroundEvents, readRendered, scenarioEvents } from './events.js';
export { renderJson, renderJunit, renderText, TEST_FORMATS, type TestFormat } from './report.js';
export { BEHAVIOUR_CHECKS, type TestOptions, testRules } from './run.js';
export type * from './types.js';
