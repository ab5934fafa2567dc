/**
 * A hunt over a stream of events. Consumes prepared rules (select.ts) and LogEvents; produces base-rule
 * detections in event order and, at the end, correlation detections. Browser-safe: the Node runner
 * (parallel.ts) feeds the same session with matches computed in worker threads.
 */
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import type { LogEvent } from '../sources/event.js';
import { type CorrelationDetection, type CorrelationInput, Correlator } from './correlate.js';
import { RuleMatcher } from './matcher.js';
import type { PreparedRules } from './select.js';

/** A detection rule matched an event. */
export interface Detection {
  readonly rule: DetectionRule;
  readonly event: LogEvent;
}

/** Time bounds of a hunt in epoch milliseconds (inclusive); events without a time fall outside any bound. */
export interface TimeRange {
  readonly from?: number;
  readonly to?: number;
}

/** True when the event lies inside the range (always true when the range has no bound). */
export function inTimeRange(event: LogEvent, range: TimeRange): boolean {
  if (range.from === undefined && range.to === undefined) return true;
  const t = event.timestamp;
  if (t === undefined) return false;
  return !(range.from !== undefined && t < range.from) && !(range.to !== undefined && t > range.to);
}

/** Collects base matches for correlations and decides which matches are shown. */
export class HuntSession {
  readonly prepared: PreparedRules;
  readonly correlator: Correlator<Detection>;
  readonly #silent: ReadonlySet<DetectionRule>;
  readonly #pending: CorrelationInput<Detection>[] = [];
  /** Visible detections per rule id/title. */
  readonly perRule = new Map<DetectionRule | CorrelationRule, number>();
  /** Matches of correlated rules that had no timestamp, so could not be correlated. */
  untimed = 0;

  constructor(prepared: PreparedRules) {
    this.prepared = prepared;
    const rules = prepared.compiled.map((c) => c.rule);
    this.correlator = new Correlator<Detection>(prepared.correlations, rules);
    this.#silent = prepared.silent;
  }

  /**
   * True when `finish` reads all fields of this rule's matched events: the rule feeds a correlation, whose
   * group-by and value fields may be any. Otherwise the session reads none of them.
   */
  needsAllFields(ruleIndex: number): boolean {
    return this.correlator.wants(this.prepared.compiled[ruleIndex].rule);
  }

  /** Records that rule `ruleIndex` matched `event`; returns the detection when it is shown on its own. */
  accept(ruleIndex: number, event: LogEvent): Detection | undefined {
    const rule = this.prepared.compiled[ruleIndex].rule;
    const det: Detection = { rule, event };
    if (this.correlator.wants(rule)) {
      if (event.timestamp === undefined) this.untimed++;
      else this.#pending.push({ rule, timestamp: event.timestamp, fields: event.fields, ref: det });
    }
    if (this.#silent.has(rule)) return undefined;
    this.perRule.set(rule, (this.perRule.get(rule) ?? 0) + 1);
    return det;
  }

  /**
   * Runs the correlations over the collected matches in time order (a stable sort, so matches out of order
   * within or across files are still correlated) and returns what fired.
   */
  finish(): CorrelationDetection<Detection>[] {
    const inputs = this.#pending.splice(0).sort((a, b) => a.timestamp - b.timestamp);
    const out: CorrelationDetection<Detection>[] = [];
    for (const input of inputs) out.push(...this.correlator.push(input));
    out.push(...this.correlator.flush());
    for (const c of out) this.perRule.set(c.correlation, (this.perRule.get(c.correlation) ?? 0) + 1);
    return out;
  }
}

/** Result of huntEvents. */
export interface HuntResult {
  readonly detections: readonly Detection[];
  readonly correlations: readonly CorrelationDetection<Detection>[];
  readonly events: number;
}

/** Hunts a stream of events in this thread (library entry point; the CLI adds files, workers and output). */
export async function huntEvents(
  prepared: PreparedRules,
  events: AsyncIterable<LogEvent> | Iterable<LogEvent>,
  range: TimeRange = {},
): Promise<HuntResult> {
  const matcher = new RuleMatcher(prepared.compiled);
  const session = new HuntSession(prepared);
  const detections: Detection[] = [];
  let count = 0;
  for await (const event of events) {
    count++;
    if (!inTimeRange(event, range)) continue;
    for (const i of matcher.match(event)) {
      const d = session.accept(i, event);
      if (d) detections.push(d);
    }
  }
  return { detections, correlations: session.finish(), events: count };
}
