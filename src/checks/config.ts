/**
 * Check settings, the way ESLint and Ruff do it: per check (by name or code) `off` or a severity, from
 * `.tripline.yml` (section `check:`) and the `--disable` / `--enable` flags. Consumes YAML text or flags;
 * produces a frozen settings table plus messages for unknown checks and bad values.
 */
import { parse } from 'yaml';
import { type CheckName, CODES } from '../core/codes.js';
import type { Severity } from '../core/diagnostic.js';
import { editDistance } from '../sigma/modifiers.js';
import type { ReferenceData } from './types.js';

/** What a check can be set to. */
export type CheckSetting = 'off' | Severity;

/** Options of one `checkRuleSet` run. */
export interface CheckConfig {
  /** Settings keyed by check name (`missing-author`) or code (`TL214`); codes win over names. */
  readonly checks?: Readonly<Record<string, CheckSetting>>;
  /** ATT&CK, taxonomy and Sigma schemas; checks needing absent data are skipped (and say so once). */
  readonly data?: ReferenceData;
}

/** The `check:` section of .tripline.yml. */
export interface CheckConfigFile {
  readonly checks: Readonly<Record<string, CheckSetting>>;
  readonly attackData?: string;
  readonly maxWarnings?: number;
}

const SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info'];

/** Resolves a check name or code to the check's name, or undefined. */
export function resolveCheck(nameOrCode: string): CheckName | undefined {
  if (nameOrCode in CODES) return nameOrCode as CheckName;
  const upper = nameOrCode.toUpperCase();
  return (Object.keys(CODES) as CheckName[]).find((n) => CODES[n].code === upper);
}

/** Says why a check name is unknown, with the closest known name. */
export function unknownCheckMessage(nameOrCode: string): string {
  let best = '';
  let bestDistance = 4;
  for (const n of Object.keys(CODES)) {
    const d = editDistance(nameOrCode.toLowerCase(), n);
    if (d < bestDistance) [best, bestDistance] = [n, d];
  }
  return `unknown check '${nameOrCode}'${best ? ` (did you mean '${best}'?)` : ''}; see \`tripline check --list-checks\``;
}

/** Validates a settings table; returns the errors (empty when every key and value is known). */
export function validateSettings(settings: Readonly<Record<string, unknown>>): string[] {
  const errors: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (!resolveCheck(key)) errors.push(unknownCheckMessage(key));
    if (typeof value !== 'string' || !SETTINGS.includes(value))
      errors.push(`check '${key}' is set to ${JSON.stringify(value)}; use off, error, warning or info`);
  }
  return errors;
}

/** Parses the `check:` section of a .tripline.yml text. */
export function parseCheckConfig(text: string, file: string): { config?: CheckConfigFile; errors: string[] } {
  let root: unknown;
  try {
    root = parse(text, { maxAliasCount: 100 }) ?? {};
  } catch (e) {
    return { errors: [`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    return { errors: [`${file}: must be a YAML mapping`] };
  const section = ((root as Record<string, unknown>).check ?? {}) as Record<string, unknown>;
  if (typeof section !== 'object' || section === null || Array.isArray(section))
    return { errors: [`${file}: \`check\` must be a mapping`] };
  const checks = (section.checks ?? {}) as Record<string, unknown>;
  const errors = (
    typeof checks === 'object' && !Array.isArray(checks)
      ? validateSettings(checks)
      : ['`check.checks` must be a mapping']
  ).map((e) => `${file}: ${e}`);
  const attack = section['attack-data'];
  const max = section['max-warnings'];
  if (attack !== undefined && typeof attack !== 'string')
    errors.push(`${file}: \`check.attack-data\` must be a folder path`);
  if (max !== undefined && !(Number.isInteger(max) && (max as number) >= 0))
    errors.push(`${file}: \`check.max-warnings\` must be a whole number`);
  if (errors.length > 0) return { errors };
  const config: CheckConfigFile = {
    checks: Object.freeze({ ...(checks as Record<string, CheckSetting>) }),
    attackData: attack as string | undefined,
    maxWarnings: max as number | undefined,
  };
  return { config: Object.freeze(config), errors };
}

/** Merges settings layers (later wins) into one table keyed by check name. */
export function checkSettings(
  ...layers: readonly (Readonly<Record<string, CheckSetting>> | undefined)[]
): Record<string, CheckSetting> {
  const out: Record<string, CheckSetting> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      const name = resolveCheck(key);
      if (name) out[name] = value;
    }
  }
  return out;
}

/** The severity a check's findings get under the settings, or 'off'. */
export function settingFor(
  check: string,
  code: string,
  settings: Readonly<Record<string, CheckSetting>>,
): CheckSetting | undefined {
  return settings[code] ?? settings[check];
}
