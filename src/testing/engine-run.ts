/**
 * Runs the native engine over an in-memory event list and reports, per rule, exactly which events matched
 * (building blocks included: a rule that only feeds a correlation still has its matches) and which
 * correlations fired.
 */
import { compileRule, HuntSession, isCompiled, RuleMatcher, silentRules } from '../engine/index.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import type { LogEvent } from '../sources/event.js';

/** What the engine found over a list of events. */
export interface EngineOutcome {
  /** Matched events per detection rule, as `file#record` keys in event order. */
  readonly matches: ReadonlyMap<DetectionRule, readonly string[]>;
  /** How many times each correlation fired. */
  readonly fired: ReadonlyMap<CorrelationRule, number>;
  /** Rules the engine cannot run, with the reason. */
  readonly skipped: readonly string[];
}

/** The key naming an event in both the engine and the SQL results. */
export function eventKey(e: LogEvent): string {
  return `${e.origin.file}#${e.origin.record ?? e.origin.line ?? ''}`;
}

/** Hunts the events with the given rules (correlations included), keeping every base match. */
export function runEngine(
  detections: readonly DetectionRule[],
  correlations: readonly CorrelationRule[],
  events: readonly LogEvent[],
): EngineOutcome {
  const compiled = [];
  const skipped: string[] = [];
  for (const d of detections) {
    const c = compileRule(d);
    if (isCompiled(c)) compiled.push(c);
    else skipped.push(`${d.meta.title}: ${c.message}`);
  }
  const prepared = {
    compiled,
    correlations,
    skipped: [],
    unselected: 0,
    silent: silentRules(detections, correlations),
  };
  const matcher = new RuleMatcher(compiled);
  const session = new HuntSession(prepared);
  const matches = new Map<DetectionRule, string[]>(detections.map((d) => [d, []]));
  for (const event of events) {
    for (const i of matcher.match(event)) {
      matches.get(compiled[i].rule)?.push(eventKey(event));
      session.accept(i, event);
    }
  }
  const fired = new Map<CorrelationRule, number>(correlations.map((c) => [c, 0]));
  for (const c of session.finish()) fired.set(c.correlation, (fired.get(c.correlation) ?? 0) + 1);
  for (const d of session.correlator.diagnostics) skipped.push(`${d.file}: ${d.message}`);
  return { matches, fired, skipped };
}
