/**
 * Renders docs/diagnostics.md from the CODES catalog and the check registry, so the reference can never
 * drift from the code (tests/checks/docs.test.ts compares; UPDATE_GOLDEN=1 rewrites).
 */
import { type CheckName, CODES } from '../core/codes.js';
import { JSON_FORMAT_VERSION } from './format/json.js';
import { CHECKS } from './registry.js';

const INTRO = `# Diagnostics

Every problem tripline reports has a stable code, a check name, a default severity and a position
(\`file:line:column\`). \`tripline check\` reports the loader's diagnostics (reading files, YAML, rule
structure) and those of the checks in \`src/checks/\` (one file per check).

Generated from \`src/core/codes.ts\` and \`src/checks/registry.ts\` — do not edit by hand; run
\`UPDATE_GOLDEN=1 npx vitest run tests/checks/docs.test.ts\`.

## Configuring checks

\`.tripline.yml\` (the nearest one from the working folder upwards, or \`--config <file>\`):

\`\`\`yaml
check:
  attack-data: ../shared/attack   # folder with enterprise-techniques.json / enterprise-tactics.json
  max-warnings: 100               # exit 1 above this many warnings
  checks:
    missing-author: off           # by name ...
    TL501: warning                # ... or by code: off | error | warning | info
\`\`\`

On the command line, \`--disable missing-author,TL402\` switches checks off and \`--enable <name>\` switches
them back on at their default severity (flags win over the file). \`tripline check --list-checks\` prints
this table; \`--jobs <n>\` parses and checks on n worker threads (default 1; worth it only for very large rule sets).
Exit codes: 0 no errors (warnings allowed), 1 errors found (or more warnings than
\`--max-warnings\`), 2 bad usage.

Reference data is read at run time, never copied into the repository: ATT&CK from \`--attack-data\`, the
config file, \`TRIPLINE_ATTACK_DATA\` or \`../shared/attack\` (next to the package or the working folder);
the Sigma taxonomy and JSON schemas from \`../shared/corpus\` (or \`TRIPLINE_SHARED_DATA\`). Without them
the ATT&CK checks look at tag format only (TL310 says so once) and schema validation is skipped (TL232).

## Output formats

\`--format text\` (default) prints \`file:line:col: severity CODE message (check)\` grouped per file and a
summary line. \`--format sarif\` writes SARIF 2.1.0 (one rule per code, one result per diagnostic) and
\`--format junit\` JUnit XML (one testcase per file, one failure per error, warnings in system-out).
\`--format json\` writes (version ${JSON_FORMAT_VERSION}):

\`\`\`json
{
  "version": ${JSON_FORMAT_VERSION},
  "tool": { "name": "tripline", "version": "x.y.z" },
  "diagnostics": [
    { "file": "rules/x.yml", "line": 12, "column": 7, "endLine": 12, "endColumn": 22,
      "severity": "error", "code": "TL104", "check": "unknown-modifier",
      "message": "unknown modifier 'contians' (did you mean 'contains'?)" }
  ],
  "summary": { "files": 1, "filesWithFindings": 1, "errors": 1, "warnings": 0, "infos": 0 }
}
\`\`\`
`;

const GROUPS: readonly [string, string][] = [
  ['TL0', 'Reading files (TL0xx)'],
  ['TL1', 'Rule structure and detection (TL1xx)'],
  ['TL2', 'Rule metadata and schemas (TL2xx)'],
  ['TL3', 'Tags (TL3xx)'],
  ['TL4', 'Detection style (TL4xx)'],
  ['TL5', 'Taxonomy (TL5xx)'],
];

/** The full text of docs/diagnostics.md. */
export function renderDiagnosticsDoc(): string {
  const help = new Map<string, string>(CHECKS.map((c) => [c.name, c.help]));
  const names = (Object.keys(CODES) as CheckName[]).sort((a, b) => (CODES[a].code < CODES[b].code ? -1 : 1));
  const sections = GROUPS.map(([prefix, heading]) => {
    const rows = names
      .filter((n) => CODES[n].code.startsWith(prefix))
      .map((n) => {
        const info = CODES[n];
        const how = help.get(n) ?? '';
        const text = `${info.summary}${how ? `. Fix: ${how}` : ''}`.replace(/\|/g, '\\|');
        return `| <a id="${info.code.toLowerCase()}"></a>${info.code} | \`${n}\` | ${info.severity} | ${text} |`;
      });
    return [
      `## ${heading}`,
      '',
      '| Code | Check | Default | What it finds |',
      '| --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  });
  const others = names.filter((n) => !GROUPS.some(([p]) => CODES[n].code.startsWith(p)));
  const tail =
    others.length > 0
      ? [`## Other\n\n${others.map((n) => `- ${CODES[n].code} \`${n}\`: ${CODES[n].summary}`).join('\n')}`]
      : [];
  return `${[INTRO, ...sections, ...tail].join('\n\n')}\n`;
}
