/**
 * Test results for the catalog. Reads the report of `tripline test --format json` (per rule: `checks` — fire,
 * quiet, sql-diff and one per target, each with a status — and the false-positive figures) and answers "what
 * did the run say about rule R". Per-test outcomes are accepted too, for other runners:
 * `{ rules: [{ id, tests: [{ id, passed, detail? }] }] }` or a flat list `[{ rule, test, passed, detail? }]`
 * (`status: "pass" | "fail"` or `ok` may stand for `passed`; `rule` may be an id or a title).
 */
type Rec = Readonly<Record<string, unknown>>;

/** A test's outcome. */
export interface TestOutcome {
  readonly passed: boolean;
  readonly detail: string;
}

/** One check of a `tripline test` run (status pass, fail, unsupported, unvalidated or skip). */
export interface RuleCheckResult {
  readonly check: string;
  readonly status: string;
  readonly detail: string;
}

/** What a run says about one rule. */
export interface RuleResults {
  readonly checks: readonly RuleCheckResult[];
  /** Alerts over the benign background per 10,000 events, without and with tuning, when measured. */
  readonly falsePositives?: { readonly beforePer10k: number; readonly afterPer10k: number; readonly events: number };
}

/** Results keyed by rule and test. */
export interface TestResults {
  readonly size: number;
  lookup(rule: string, test: string): TestOutcome | undefined;
  /** The rule-level results of a rule by id or title. */
  rule(idOrTitle: string): RuleResults | undefined;
}

/** Parses a results document; unknown entries are skipped (returned as problems). */
export function parseTestResults(doc: unknown): { results: TestResults; problems: string[] } {
  const map = new Map<string, TestOutcome>();
  const rules = new Map<string, RuleResults>();
  const problems: string[] = [];
  const add = (rule: unknown, test: unknown, o: Rec, where: string) => {
    const passed = outcome(o);
    if (typeof rule !== 'string' || typeof test !== 'string' || passed === undefined) {
      problems.push(`${where}: expected a rule id, a test id and passed/status; entry skipped`);
      return;
    }
    map.set(`${rule}\u0000${test}`, { passed, detail: String(o.detail ?? o.message ?? o.reason ?? '') });
  };
  const root = doc as Rec;
  if (Array.isArray(doc)) {
    for (const [i, e] of doc.entries())
      add((e as Rec)?.rule ?? (e as Rec)?.id, (e as Rec)?.test, (e as Rec) ?? {}, `[${i}]`);
  } else if (root && Array.isArray(root.rules)) {
    for (const [i, r] of (root.rules as Rec[]).entries()) {
      const rule = r?.id ?? r?.rule ?? r?.title;
      const tests = Array.isArray(r?.tests) ? (r.tests as Rec[]) : [];
      const found = ruleResults(r, root.backgroundEvents);
      if (found) for (const key of [r?.id, r?.title]) if (typeof key === 'string') rules.set(key, found);
      for (const [j, t] of tests.entries()) add(rule, t?.id ?? t?.test, t ?? {}, `rules[${i}].tests[${j}]`);
    }
  } else problems.push('expected a list of results or an object with `rules`');
  const results: TestResults = {
    size: map.size + rules.size,
    lookup: (rule, test) => map.get(`${rule}\u0000${test}`),
    rule: (key) => rules.get(key),
  };
  return { results, problems };
}

function outcome(o: Rec): boolean | undefined {
  if (typeof o.passed === 'boolean') return o.passed;
  if (typeof o.ok === 'boolean') return o.ok;
  if (o.status === 'pass' || o.status === 'passed') return true;
  if (o.status === 'fail' || o.status === 'failed') return false;
  return undefined;
}

function ruleResults(r: Rec | undefined, events: unknown): RuleResults | undefined {
  if (!r || !Array.isArray(r.checks)) return undefined;
  const checks = (r.checks as Rec[])
    .filter((c) => c && typeof c.check === 'string' && typeof c.status === 'string')
    .map((c) => ({ check: String(c.check), status: String(c.status), detail: String(c.detail ?? '') }));
  const fp = r.falsePositives as Rec | undefined;
  const measured = fp && typeof fp.beforePer10k === 'number' && typeof fp.afterPer10k === 'number';
  return {
    checks,
    ...(measured
      ? {
          falsePositives: {
            beforePer10k: fp.beforePer10k as number,
            afterPer10k: fp.afterPer10k as number,
            events: typeof events === 'number' ? events : 0,
          },
        }
      : {}),
  };
}
