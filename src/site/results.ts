/**
 * Test results for the catalog: reads a results JSON (from the rule test runner) and answers "did test T of
 * rule R pass". Accepted shapes, so the catalog does not break when the runner's report grows:
 * `{ rules: [{ id, tests: [{ id, passed, detail? }] }] }`, or a flat list `[{ rule, test, passed, detail? }]`
 * (`status: "pass" | "fail"` or `ok` may stand for `passed`; `rule` may be an id or a title).
 */
type Rec = Readonly<Record<string, unknown>>;

/** A test's outcome. */
export interface TestOutcome {
  readonly passed: boolean;
  readonly detail: string;
}

/** Results keyed by rule and test. */
export interface TestResults {
  readonly size: number;
  lookup(rule: string, test: string): TestOutcome | undefined;
}

/** Parses a results document; unknown entries are skipped (returned as problems). */
export function parseTestResults(doc: unknown): { results: TestResults; problems: string[] } {
  const map = new Map<string, TestOutcome>();
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
      for (const [j, t] of tests.entries()) add(rule, t?.id ?? t?.test, t ?? {}, `rules[${i}].tests[${j}]`);
    }
  } else problems.push('expected a list of results or an object with `rules`');
  return { results: { size: map.size, lookup: (rule, test) => map.get(`${rule}\u0000${test}`) }, problems };
}

function outcome(o: Rec): boolean | undefined {
  if (typeof o.passed === 'boolean') return o.passed;
  if (typeof o.ok === 'boolean') return o.ok;
  if (o.status === 'pass' || o.status === 'passed') return true;
  if (o.status === 'fail' || o.status === 'failed') return false;
  return undefined;
}
