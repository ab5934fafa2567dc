/**
 * The compiler in the browser (its own chunk, loaded by the try-it panel and the playground). Consumes rule
 * texts and events; produces diagnostics (loader + checks), every registered target's queries and the
 * engine's matches with the fields that matched. Same code as the CLI: src/ruleset, src/backends,
 * src/pipelines, src/engine, src/site/queries.
 */
import { checkRuleSet } from '../../src/checks/runner.js';
import { compileExpr } from '../../src/engine/compile.js';
import { HuntSession } from '../../src/engine/hunt.js';
import { RuleMatcher } from '../../src/engine/matcher.js';
import { prepareRules } from '../../src/engine/select.js';
import { EventView } from '../../src/engine/view.js';
import { leaves } from '../../src/ir/expr.js';
import type { DetectionRule } from '../../src/ir/types.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';
import { siteDiagnostics } from '../../src/site/meta.js';
import { convertForSite, ruleKey } from '../../src/site/queries.js';
import type { SiteDiagnostic, SiteEvent, TargetQueries } from '../../src/site/types.js';
import type { LogEvent } from '../../src/sources/event.js';

/** What the playground shows for a rule text. */
export interface Analysis {
  readonly ruleSet: RuleSet;
  readonly diagnostics: readonly SiteDiagnostic[];
  /** Queries per rule of the main file (title -> targets). */
  readonly rules: readonly { readonly title: string; readonly targets: readonly TargetQueries[] }[];
}

/** Checks that only say "reference data missing": always true in the browser, so not worth a line. */
const UNAVAILABLE_HERE = { 'schema-unavailable': 'off', 'attack-data-unavailable': 'off' } as const;

/** The playground's file name for the edited rule. */
export const MAIN_FILE = 'rule.yml';

/**
 * Loads, checks and converts a rule text. Checks run with an empty reference set and without JSON-schema
 * validation: ajv compiles schemas with `new Function`, which the catalog's CSP forbids, so the build
 * swaps in accepting validators (site/src/stubs/schemas.ts); `tripline check` runs those.
 */
export function analyse(text: string, companions: Readonly<Record<string, string>> = {}): Analysis {
  const ruleSet = loadRuleTexts({ ...companions, [MAIN_FILE]: text });
  const found = checkRuleSet(ruleSet, { data: {}, checks: UNAVAILABLE_HERE }).filter((d) => d.file === MAIN_FILE);
  const queries = convertForSite(ruleSet);
  const mine = [...ruleSet.detections, ...ruleSet.correlations].filter((r) => r.origin.file === MAIN_FILE);
  // Notes of each target's default pipeline choice; the other choices show theirs in their tab.
  const conversion = [...queries.values()]
    .flat()
    .flatMap((t) => (t.options[0] ? [...t.options[0].errors, ...t.options[0].warnings] : []));
  return {
    ruleSet,
    diagnostics: [...siteDiagnostics(found), ...dedupe(conversion)],
    rules: mine.map((r) => ({ title: r.meta.title, targets: queries.get(ruleKey(r)) ?? [] })),
  };
}

function dedupe(list: readonly SiteDiagnostic[]): SiteDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** One event's outcome: the rules it matched and, per rule, the fields whose conditions held. */
export interface EventMatch {
  readonly index: number;
  readonly rules: readonly string[];
  readonly fields: readonly string[];
}

/** The engine's verdict over a list of events. */
export interface RunResult {
  readonly matches: readonly EventMatch[];
  /** Correlations that fired, with the indices of the events they were built on. */
  readonly correlations: readonly { readonly title: string; readonly events: readonly number[] }[];
  readonly skipped: readonly SiteDiagnostic[];
}

/** Runs the set's rules over events with the real engine (routing by log source, filters applied). */
export function runEvents(ruleSet: RuleSet, events: readonly SiteEvent[]): RunResult {
  const prepared = prepareRules(ruleSet.detections, ruleSet.correlations);
  const matcher = new RuleMatcher(prepared.compiled);
  const session = new HuntSession(prepared);
  const matches: EventMatch[] = [];
  events.forEach((e, index) => {
    const event = toLogEvent(e, index);
    const hit = matcher.match(event);
    const rules: string[] = [];
    const fields = new Set<string>();
    for (const i of hit) {
      const d = session.accept(i, event);
      const rule = prepared.compiled[i].rule;
      if (d || prepared.silent.has(rule)) rules.push(rule.meta.title);
      for (const f of matchedFields(rule, event)) fields.add(f);
    }
    matches.push({ index, rules, fields: [...fields] });
  });
  const correlations = session.finish().map((c) => ({
    title: c.correlation.meta.title,
    events: c.events.map((d) => (d.event.origin.line ?? 1) - 1),
  }));
  return { matches, correlations, skipped: siteDiagnostics(prepared.skipped) };
}

/**
 * Runs each test's events on their own, as `tripline test` does (so one scenario's events cannot complete
 * another's correlation); events without an expectation (pasted) run together. Indices stay global.
 */
export function runByTest(ruleSet: RuleSet, events: readonly SiteEvent[]): RunResult {
  const groups = new Map<string, number[]>();
  events.forEach((e, i) => {
    const key = e.expect ? e.test : '';
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const matches: EventMatch[] = [];
  const correlations: RunResult['correlations'][number][] = [];
  const skipped: SiteDiagnostic[] = [];
  for (const indices of groups.values()) {
    const r = runEvents(
      ruleSet,
      indices.map((i) => events[i]),
    );
    for (const m of r.matches) matches.push({ ...m, index: indices[m.index] });
    for (const c of r.correlations) correlations.push({ ...c, events: c.events.map((i) => indices[i]) });
    if (skipped.length === 0) skipped.push(...r.skipped);
  }
  return { matches: matches.sort((a, b) => a.index - b.index), correlations, skipped };
}

/** Fields of the rule's leaf conditions that hold on the event (what to highlight). */
function matchedFields(rule: DetectionRule, event: LogEvent): string[] {
  const view = new EventView(event);
  const out: string[] = [];
  for (const leaf of leaves(rule.expr)) {
    if (!('field' in leaf) || typeof leaf.field !== 'string') continue;
    try {
      if (compileExpr(leaf)(view)) out.push(leaf.field);
    } catch {
      // A leaf the engine cannot compile alone adds no highlight; the rule's verdict is unaffected.
    }
  }
  return out;
}

function toLogEvent(e: SiteEvent, index: number): LogEvent {
  return {
    fields: e.fields as LogEvent['fields'],
    logsource: e.logsource,
    ...(e.timestamp !== undefined ? { timestamp: e.timestamp } : {}),
    origin: { file: 'events', line: index + 1 },
  };
}

/**
 * Parses pasted JSON lines: each line is `{ "logsource": {...}, "fields": {...} }` or a flat object of
 * fields (then the rule's own log source is assumed). Bad lines are reported with their line number.
 */
export function parseEventLines(
  text: string,
  fallback: Readonly<Record<string, string>>,
): { events: SiteEvent[]; problems: string[] } {
  const events: SiteEvent[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const v = JSON.parse(line) as Record<string, unknown>;
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected a JSON object');
      const nested = v.fields && typeof v.fields === 'object';
      const ts = typeof v.timestamp === 'number' ? v.timestamp : Date.parse(String(v.timestamp ?? ''));
      events.push({
        test: `line ${i + 1}`,
        expect: '',
        logsource:
          nested && v.logsource && typeof v.logsource === 'object' ? (v.logsource as Record<string, string>) : fallback,
        fields: nested ? (v.fields as Record<string, unknown>) : v,
        ...(Number.isFinite(ts) ? { timestamp: ts } : {}),
      });
    } catch (e) {
      problems.push(`line ${i + 1}: ${(e as Error).message}; paste one JSON object per line`);
    }
  });
  return { events, problems };
}
