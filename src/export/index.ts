/**
 * Export stage. Consumes a `RuleSet` (and ATT&CK names); produces deployable rule packages per SIEM platform
 * (files as text, plus the rules skipped with the reason) and ATT&CK Navigator coverage layers. Each platform
 * is one module: a query choice, a few limits and a writer. Registered here by name.
 */
import type { PipelineSpec } from '../pipelines/types.js';
import type { RuleSet } from '../ruleset/types.js';
import { DEFENDER } from './defender.js';
import { ELASTIC } from './elastic.js';
import { LOGSCALE } from './logscale.js';
import { NAVIGATOR } from './navigator.js';
import { prepareRules } from './prepare.js';
import { QRADAR } from './qradar.js';
import { SECOPS } from './secops.js';
import { SENTINEL } from './sentinel.js';
import { SPLUNK } from './splunk.js';
import { SUMO } from './sumo.js';
import type { ExportOptions, ExportResult, Platform } from './types.js';

export { type AttackIndex, attackIndex, loadAttack } from './attack.js';
export { type ImportedRule, importElasticToml } from './elastic-import.js';
export type * from './types.js';

/** Every export platform by CLI name (`--to <name>`). Adding one adds a line here and a module beside this. */
export const PLATFORMS: Readonly<Record<string, Platform>> = Object.freeze({
  sentinel: SENTINEL,
  defender: DEFENDER,
  elastic: ELASTIC,
  splunk: SPLUNK,
  secops: SECOPS,
  logscale: LOGSCALE,
  qradar: QRADAR,
  sumo: SUMO,
  navigator: NAVIGATOR,
});

/** Looks up a platform by name. */
export function platformByName(name: string): Platform | undefined {
  return Object.hasOwn(PLATFORMS, name) ? PLATFORMS[name] : undefined;
}

/** Exports a rule set to one platform: converted rules written, the rest listed in `skipped` with reasons. */
export function exportRuleSet(
  ruleSet: RuleSet,
  platform: Platform,
  options: ExportOptions,
  pipelines?: readonly PipelineSpec[],
): ExportResult {
  const prepared = prepareRules(ruleSet, platform, pipelines);
  const written = platform.write(prepared.rules, options);
  const skipped = [...prepared.skipped, ...written.skipped].sort((a, b) =>
    a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1,
  );
  const files = [...written.files, { path: 'skipped.json', content: `${JSON.stringify(skipped, null, 2)}\n` }];
  return { files, skipped, exported: prepared.rules.length - written.skipped.length };
}
