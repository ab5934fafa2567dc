/** Validators built from the published platform schemas in ../shared/export-schemas (read at test time). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { schemasDir } from './helpers.js';

type Rec = Record<string, unknown>;

/** Ajv for vendor schemas: draft-07 and Swagger keywords it does not know are ignored. */
export function vendorAjv(): Ajv {
  const a = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(a);
  return a;
}

export const elasticDir = join(schemasDir, 'elastic/detection-rules-api-schemas-9.5');
export const armDir = join(schemasDir, 'microsoft-sentinel/azure-rest-api-specs/resource-manager');
export const alertRules = join(armDir, 'Microsoft.SecurityInsights/stable/2023-02-01/AlertRules.json');
export const constraintsDir = join(schemasDir, 'microsoft-sentinel/azure-sentinel-template-validation');
export const crdDir = join(schemasDir, 'logscale/humio-operator-crds');

/** Elastic rule body validators by rule type (9.5.<type>.json). */
export function elasticValidators(): (type: string) => ValidateFunction {
  const cache = new Map<string, ValidateFunction>();
  return (type) => {
    let v = cache.get(type);
    if (!v) {
      v = vendorAjv().compile(JSON.parse(readFileSync(join(elasticDir, `9.5.${type}.json`), 'utf8')));
      cache.set(type, v);
    }
    return v;
  };
}

/** ScheduledAlertRuleProperties of the ARM alertRules 2023-02-01 OpenAPI, with its cross-file refs resolved. */
export function armPropertiesValidator(): ValidateFunction {
  const a = vendorAjv();
  for (const f of [
    alertRules,
    resolve(alertRules, '../common/AlertTypes.json'),
    join(armDir, 'common/2.0/types.json'),
  ]) {
    const doc = JSON.parse(readFileSync(f, 'utf8')) as Rec;
    a.addSchema({ ...doc, $id: pathToFileURL(f).href });
  }
  const v = a.getSchema(`${pathToFileURL(alertRules).href}#/definitions/ScheduledAlertRuleProperties`);
  if (!v) throw new Error('ScheduledAlertRuleProperties not found');
  return v;
}

/** Valid tactics, entity identifiers and connector ids, read from the template-validation constraints. */
export function sentinelConstraints() {
  const md = readFileSync(join(constraintsDir, 'MODEL_CONSTRAINTS.md'), 'utf8');
  const tactics = /Each item must be one of ([^.]+)\./.exec(md)?.[1].split(/,\s*/) ?? [];
  const entities = new Map<string, string[]>();
  for (const m of md.matchAll(/^- (\w+): ([^.]+)\. Required/gm)) entities.set(m[1], m[2].split(/,\s*/));
  const connectors = JSON.parse(readFileSync(join(constraintsDir, 'ValidConnectorIds.json'), 'utf8')) as string[];
  return { tactics, entities, connectors };
}

/** Problems of one Sentinel template against the constraints (empty when valid). */
export function templateProblems(t: Rec, c: ReturnType<typeof sentinelConstraints>): string[] {
  const out: string[] = [];
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(String(t.id))) out.push(`id ${t.id}`);
  if (!['Scheduled', 'NRT'].includes(String(t.kind))) out.push(`kind ${t.kind}`);
  for (const tactic of (t.tactics ?? []) as string[]) if (!c.tactics.includes(tactic)) out.push(`tactic ${tactic}`);
  for (const d of (t.requiredDataConnectors ?? []) as Rec[])
    if (!c.connectors.includes(String(d.connectorId))) out.push(`connector ${d.connectorId}`);
  for (const e of (t.entityMappings ?? []) as { entityType: string; fieldMappings: Rec[] }[])
    for (const fm of e.fieldMappings)
      if (!c.entities.get(e.entityType)?.includes(String(fm.identifier))) out.push(`${e.entityType}.${fm.identifier}`);
  if (String(t.query).length > 10_000) out.push('query length');
  return out;
}

/** The openAPIV3Schema of a humio-operator CRD by resource kind (its storage version). */
export function crdValidator(kind: string): ValidateFunction {
  const name = `core.humio.com_humio${kind.replace(/^Humio/, '').toLowerCase()}s.yaml`;
  const crd = parseYaml(readFileSync(join(crdDir, name), 'utf8')) as Rec;
  const versions = (crd.spec as Rec).versions as Rec[];
  return vendorAjv().compile(((versions.find((v) => v.storage) ?? versions[0]).schema as Rec).openAPIV3Schema as Rec);
}

export const present = (p: string) => existsSync(p);
