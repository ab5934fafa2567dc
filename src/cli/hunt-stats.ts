/**
 * Statistics of a hunt for the start and end reports of `tripline hunt`: rules loaded and skipped, files,
 * events, skipped records by reason, detections per rule and level, time and rate.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { formatDiagnostic } from '../core/diagnostic.js';
import type { FileTotals } from '../engine/hunt-file.js';
import type { PreparedRules } from '../engine/index.js';
import { describeLogsource, LEVELS } from '../engine/index.js';
import type { SkippedRecord } from '../sources/event.js';
import type { HuntRecord } from './hunt-output.js';

/** Counters filled while a hunt runs. */
export class HuntStats {
  readonly started = Date.now();
  files = 0;
  events = 0;
  inRange = 0;
  evaluated = 0;
  warnings = 0;
  readonly skippedReasons = new Map<string, number>();
  skippedFiles = 0;
  readonly routed = new Set<number>();
  readonly perRule = new Map<string, { id: string | null; title: string; level: string | null; count: number }>();

  /** Counts a skipped record or file. */
  skip(s: SkippedRecord): void {
    const reason = s.reason.replace(/\d+/g, 'N').slice(0, 120);
    this.skippedReasons.set(reason, (this.skippedReasons.get(reason) ?? 0) + 1);
    if (s.line === undefined && s.offset === undefined) this.skippedFiles++;
  }

  /** Adds the totals of a finished file. */
  fileDone(t: FileTotals): void {
    this.files++;
    this.events += t.events;
    this.inRange += t.inRange;
    this.evaluated += t.evaluated;
    for (const i of t.routed) this.routed.add(i);
  }

  /** Detections counted so far. */
  get detections(): number {
    let n = 0;
    for (const r of this.perRule.values()) n += r.count;
    return n;
  }

  /** Counts a detection. */
  detection(r: HuntRecord): void {
    const key = `${r.type}\u0000${r.rule_id}\u0000${r.rule_title}`;
    const e = this.perRule.get(key) ?? { id: r.rule_id, title: r.rule_title, level: r.level, count: 0 };
    e.count++;
    this.perRule.set(key, e);
  }

  /** Records skipped in total. */
  get skipped(): number {
    let n = 0;
    for (const c of this.skippedReasons.values()) n += c;
    return n;
  }

  /** The machine-readable summary (the `summary` object of --format json, docs/hunt.md). */
  summary(prepared: PreparedRules) {
    const seconds = (Date.now() - this.started) / 1000;
    const byLevel: Record<string, number> = {};
    for (const r of this.perRule.values())
      byLevel[r.level ?? 'unknown'] = (byLevel[r.level ?? 'unknown'] ?? 0) + r.count;
    const neverRouted = prepared.compiled.filter((_, i) => !this.routed.has(i)).length;
    return {
      rules: {
        detection: prepared.compiled.length,
        correlation: prepared.correlations.length,
        skipped: prepared.skipped.length,
        never_matched_logsource: neverRouted,
      },
      files: this.files,
      events: this.events,
      events_in_range: this.inRange,
      skipped_records: { total: this.skipped, reasons: Object.fromEntries(this.skippedReasons) },
      warnings: this.warnings,
      detections: {
        total: [...this.perRule.values()].reduce((n, r) => n + r.count, 0),
        by_level: byLevel,
        by_rule: [...this.perRule.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)),
      },
      rules_evaluated: this.evaluated,
      seconds: Number(seconds.toFixed(3)),
      events_per_second: seconds > 0 ? Math.round(this.events / seconds) : 0,
    };
  }
}

/** Lines of the start report: rules loaded, and each rule skipped with its reason. */
export function startReport(
  prepared: PreparedRules,
  loadDiagnostics: readonly Diagnostic[],
  rulePaths: readonly string[],
): string[] {
  const out = [
    `Rules: ${prepared.compiled.length} detection and ${prepared.correlations.length} correlation rules loaded from ${rulePaths.join(', ')}` +
      (prepared.unselected > 0 ? ` (${prepared.unselected} left out by the selection)` : ''),
  ];
  const errors = loadDiagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) out.push(`  ${errors.length} rule problems at load (rules not loaded):`);
  for (const d of errors.slice(0, 10)) out.push(`    ${formatDiagnostic(d)}`);
  if (errors.length > 10) out.push(`    ... and ${errors.length - 10} more (run tripline check)`);
  if (prepared.skipped.length > 0) out.push(`  ${prepared.skipped.length} rules skipped by the engine:`);
  for (const d of prepared.skipped.slice(0, 10)) out.push(`    ${formatDiagnostic(d)}`);
  if (prepared.skipped.length > 10) out.push(`    ... and ${prepared.skipped.length - 10} more`);
  return out;
}

/** Lines of the end report. */
export function endReport(stats: HuntStats, prepared: PreparedRules): string[] {
  const s = stats.summary(prepared);
  const out = [
    `Hunted ${s.files} files, ${s.events} events${s.events_in_range !== s.events ? ` (${s.events_in_range} in the time range)` : ''} in ${s.seconds.toFixed(2)} s (${s.events_per_second} events/s)`,
  ];
  if (s.skipped_records.total > 0) {
    out.push(`Skipped ${s.skipped_records.total} records or files:`);
    const reasons = Object.entries(s.skipped_records.reasons).sort((a, b) => b[1] - a[1]);
    for (const [reason, n] of reasons.slice(0, 10)) out.push(`  ${n} x ${reason}`);
  }
  if (s.rules.never_matched_logsource > 0) {
    const never = prepared.compiled.filter((_, i) => !stats.routed.has(i));
    const sources = new Map<string, number>();
    for (const c of never)
      sources.set(describeLogsource(c.rule.logsource), (sources.get(describeLogsource(c.rule.logsource)) ?? 0) + 1);
    const top = [...sources].sort((a, b) => b[1] - a[1]).slice(0, 5);
    out.push(
      `${never.length} rules never saw an event (their log source never occurred): ${top.map(([ls, n]) => `${ls} x${n}`).join(', ')}${sources.size > 5 ? ', ...' : ''}`,
    );
  }
  const levels = [...LEVELS].reverse().filter((l) => s.detections.by_level[l] !== undefined);
  const byLevel = levels.map((l) => `${l} ${s.detections.by_level[l]}`).join(', ');
  out.push(
    `Detections: ${s.detections.total}${byLevel ? ` (${byLevel})` : ''} from ${s.detections.by_rule.length} rules`,
  );
  for (const r of s.detections.by_rule.slice(0, 20))
    out.push(`  ${String(r.count).padStart(7)}  ${(r.level ?? '-').padEnd(13)} ${r.title}`);
  if (s.detections.by_rule.length > 20) out.push(`  ... and ${s.detections.by_rule.length - 20} more rules`);
  return out;
}
