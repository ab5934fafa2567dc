/** Runs every check over a rule set and applies the severity settings. */
import { type CheckName, CODES, report } from '../core/codes.js';
import { type Diagnostic, diagnostic, type Span } from '../core/diagnostic.js';
import type { RuleEntry, RuleSet } from '../ruleset/types.js';
import { type CheckConfig, type CheckSetting, checkSettings, settingFor } from './config.js';
import { factsOf } from './facts.js';
import { CHECKS } from './registry.js';
import { compileTriplineSchema } from './schema/tripline-metadata.js';
import type { Check, CheckContext, SetView } from './types.js';

/** Loader diagnostics that compare files (not about the file itself), so they do not silence follow-up checks. */
const CROSS_FILE = new Set(['duplicate-id', 'unknown-rule-reference']);

/**
 * Checks a loaded rule set: the parse-stage diagnostics of the set plus every enabled check's, with
 * settings applied (off drops a check, a severity overrides its default), sorted by file, line and column.
 * A check that throws on one rule becomes a `check-failed` diagnostic; the other checks and rules go on.
 */
export function checkRuleSet(
  ruleSet: RuleSet,
  config: CheckConfig = {},
  checks: readonly Check[] = CHECKS,
): Diagnostic[] {
  const ctx = checkContext(config, ruleSet.diagnostics);
  const enabled = enabledChecks(config, checks);
  const found: Diagnostic[] = [...ruleSet.diagnostics];
  runSetChecks({ files: ruleSet.files, rules: ruleSet.entries.map(factsOf) }, ctx, enabled, found);
  runRuleChecks(ruleSet.entries, ctx, enabled, found);
  return sortDiagnostics(applySettings(found, checkSettings(config.checks)), ruleSet.files);
}

/** The context of one run: reference data, the compiled tripline schema, a per-run cache. */
export function checkContext(config: CheckConfig, loaded: readonly Diagnostic[]): CheckContext {
  const broken = new Set(loaded.filter((d) => d.severity === 'error' && !CROSS_FILE.has(d.check)).map((d) => d.file));
  return {
    data: config.data ?? {},
    triplineSchema: compileTriplineSchema(),
    cached: runCache(),
    hasParseErrors: (file) => broken.has(file),
  };
}

/** The checks the settings leave on. */
export function enabledChecks(config: CheckConfig, checks: readonly Check[] = CHECKS): Check[] {
  const settings = checkSettings(config.checks);
  return checks.filter((c) => settingFor(c.name, CODES[c.name].code, settings) !== 'off');
}

/** Runs the rule-scope checks over entries, appending to `found`. */
export function runRuleChecks(
  entries: readonly RuleEntry[],
  ctx: CheckContext,
  checks: readonly Check[],
  found: Diagnostic[],
): void {
  for (const entry of entries) {
    const file = entry.document.file;
    for (const check of checks) {
      if (check.scope !== 'rule') continue;
      guard(check.name, file, found, () =>
        check.run(entry, ctx, (span, message) => found.push(report(check.name, file, span, message))),
      );
    }
  }
}

/** Runs the set-scope checks over the facts of every rule, appending to `found`. */
export function runSetChecks(view: SetView, ctx: CheckContext, checks: readonly Check[], found: Diagnostic[]): void {
  for (const check of checks) {
    if (check.scope !== 'set') continue;
    const emit = (file: string, span: Span | undefined, message: string) =>
      found.push(report(check.name, file, span, message));
    guard(check.name, view.files[0] ?? '', found, () => check.run(view, ctx, emit));
  }
}

/** A per-run cache of values derived from rules; it lives and dies with one run. */
function runCache(): CheckContext['cached'] {
  const store = new WeakMap<object, Map<string, unknown>>();
  return <T>(entry: object, key: string, compute: () => T): T => {
    let m = store.get(entry);
    if (!m) {
      m = new Map();
      store.set(entry, m);
    }
    if (!m.has(key)) m.set(key, compute());
    return m.get(key) as T;
  };
}

function guard(name: CheckName, file: string, found: Diagnostic[], run: () => void): void {
  try {
    run();
  } catch (e) {
    const why = (e as Error).message ?? String(e);
    found.push(
      report('check-failed', file, undefined, `check '${name}' crashed: ${why}; please report this with the rule`),
    );
  }
}

/** Drops diagnostics of checks set to off and overrides severities. */
export function applySettings(
  found: readonly Diagnostic[],
  settings: Readonly<Record<string, CheckSetting>>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of found) {
    const s = settingFor(d.check, d.code, settings);
    if (s === 'off') continue;
    out.push(s === undefined || s === d.severity ? d : diagnostic(d.file, d, s, d.code, d.check, d.message));
  }
  return out;
}

/** Sorts by the order files were loaded, then line, column and code; stable for equal keys. */
export function sortDiagnostics(found: readonly Diagnostic[], files: readonly string[]): Diagnostic[] {
  const order = new Map(files.map((f, i) => [f, i]));
  const rank = (f: string) => order.get(f) ?? files.length;
  return [...found].sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
