/**
 * JUnit XML for CI dashboards: one testcase per checked file; each error is a <failure>, warnings and
 * infos are listed in <system-out>. All text is XML-escaped (control characters dropped).
 */
import { formatDiagnostic } from '../../core/diagnostic.js';
import { allFiles, byFile, type CheckReport, summarize } from './report.js';

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Renders a report as JUnit XML. */
export function formatJunit(report: CheckReport): string {
  const groups = byFile(report);
  const files = allFiles(report);
  const s = summarize(report);
  const failing = files.filter((f) => (groups.get(f) ?? []).some((d) => d.severity === 'error')).length;
  const cases = files.map((file) => {
    const list = groups.get(file) ?? [];
    const failures = list
      .filter((d) => d.severity === 'error')
      .map(
        (d) =>
          `      <failure message="${escapeXml(`${d.code} ${d.message}`)}" type="${d.code}">${escapeXml(formatDiagnostic(d))}</failure>`,
      );
    const others = list.filter((d) => d.severity !== 'error').map(formatDiagnostic);
    const out = others.length > 0 ? [`      <system-out>${escapeXml(others.join('\n'))}</system-out>`] : [];
    const body = [...failures, ...out];
    const open = `    <testcase classname="tripline.check" name="${escapeXml(file)}"`;
    return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tripline check" tests="${files.length}" failures="${failing}" errors="0">`,
    `  <testsuite name="tripline check" tests="${files.length}" failures="${failing}" errors="0" skipped="0">`,
    `    <properties><property name="errors" value="${s.errors}"/><property name="warnings" value="${s.warnings}"/><property name="infos" value="${s.infos}"/></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
