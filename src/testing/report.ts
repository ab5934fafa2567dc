/** Renders a TestReport as a text matrix, JSON or JUnit XML (formats documented in docs/testing.md). */
import path from 'node:path';
import type { CheckResult, RuleReport, TestReport } from './types.js';

/** Output formats of `tripline test`. */
export const TEST_FORMATS = ['text', 'json', 'junit'] as const;
/** An output format of `tripline test`. */
export type TestFormat = (typeof TEST_FORMATS)[number];

const stem = (r: RuleReport) => path.basename(r.file).replace(/\.ya?ml$/i, '');
const SYMBOL = { pass: 'ok', fail: 'FAIL', unvalidated: '~', skip: '.' } as const;

function cell(c: CheckResult | undefined, notes: string[]): string {
  if (!c) return '';
  if (c.status !== 'unsupported') return SYMBOL[c.status];
  const note = `${c.check}: ${c.detail ?? ''}`;
  if (!notes.includes(note)) notes.push(note);
  return `u${notes.indexOf(note) + 1}`;
}

function fpText(r: RuleReport): string {
  const f = r.falsePositives;
  return `${f.beforePer10k} -> ${f.afterPer10k}${f.silent ? ' (silent)' : ''}`;
}

/** The matrix: one row per rule, one column per check, then the false-positive figure; then details. */
export function renderText(report: TestReport): string {
  const notes: string[] = [];
  const name = Math.min(44, Math.max(4, ...report.rules.map((r) => stem(r).length)));
  const widths = report.columns.map((c) => Math.max(4, c.length));
  const head = ['rule'.padEnd(name), ...report.columns.map((c, i) => c.padEnd(widths[i])), 'FP/10k before -> after'];
  const lines = [head.join(' ')];
  for (const r of report.rules) {
    const cells = report.columns.map((c, i) =>
      cell(
        r.checks.find((x) => x.check === c),
        notes,
      ).padEnd(widths[i]),
    );
    lines.push([stem(r).slice(0, name).padEnd(name), ...cells, fpText(r)].join(' '));
  }
  lines.push(
    '',
    'ok pass   FAIL failure   uN unsupported (reason below)   ~ converted, not validated   . not applicable',
  );
  const failures = report.rules.flatMap((r) =>
    r.checks.filter((c) => c.status === 'fail').map((c) => `  ${stem(r)} ${c.check}: ${c.detail ?? ''}`),
  );
  if (failures.length) lines.push('', 'Failures:', ...failures);
  if (report.problems.length) lines.push('', 'Problems:', ...report.problems.map((p) => `  ${p}`));
  if (notes.length) lines.push('', 'Unsupported:', ...notes.map((n, i) => `  u${i + 1}  ${n}`));
  const checks = report.rules.flatMap((r) => r.checks);
  const count = (s: string) => checks.filter((c) => c.status === s).length;
  lines.push(
    '',
    `${report.rules.length} rules, seed ${report.seed}, ${report.backgroundEvents} background events: ` +
      `${count('pass')} passed, ${report.failures} failed, ${count('unsupported')} unsupported, ` +
      `${count('unvalidated')} converted but not validated (${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  return `${lines.join('\n')}\n`;
}

/** The report as a JSON document. */
export function renderJson(report: TestReport, version: string): string {
  return `${JSON.stringify({ tool: 'tripline', version, ...report }, null, 2)}\n`;
}

const xml = (s: string) =>
  s
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function testcase(r: RuleReport, c: CheckResult): string {
  const open = `    <testcase classname="${xml(stem(r))}" name="${xml(c.check)}" file="${xml(r.file)}">`;
  const detail = xml(c.detail ?? '');
  if (c.status === 'fail') return `${open}\n      <failure message="${detail}"/>\n    </testcase>`;
  if (c.status === 'unsupported' || c.status === 'skip')
    return `${open}\n      <skipped message="${c.status}: ${detail}"/>\n    </testcase>`;
  return detail ? `${open}\n      <system-out>${detail}</system-out>\n    </testcase>` : `${open}</testcase>`;
}

/** The report as JUnit XML: one testsuite per rule, one testcase per check. */
export function renderJunit(report: TestReport): string {
  const suites = report.rules.map((r) => {
    const failures = r.checks.filter((c) => c.status === 'fail').length;
    const skipped = r.checks.filter((c) => c.status === 'unsupported' || c.status === 'skip').length;
    const f = r.falsePositives;
    const props = [
      ['id', r.id ?? ''],
      ['fp_per_10k_before', String(f.beforePer10k)],
      ['fp_per_10k_after', String(f.afterPer10k)],
    ].map(([k, v]) => `      <property name="${k}" value="${xml(v)}"/>`);
    return [
      `  <testsuite name="${xml(r.title)}" tests="${r.checks.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
      `    <properties>\n${props.join('\n')}\n    </properties>`,
      ...r.checks.map((c) => testcase(r, c)),
      '  </testsuite>',
    ].join('\n');
  });
  if (report.problems.length) {
    const cases = report.problems.map(
      (p, i) =>
        `    <testcase classname="setup" name="problem ${i + 1}">\n      <failure message="${xml(p)}"/>\n    </testcase>`,
    );
    suites.push(
      `  <testsuite name="setup" tests="${cases.length}" failures="${cases.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const total = report.rules.reduce((n, r) => n + r.checks.length, report.problems.length);
  const head = `<testsuites name="tripline test" tests="${total}" failures="${report.failures}" time="${report.durationMs / 1000}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}
