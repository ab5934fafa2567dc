/**
 * Every export validated against the platform's published schema from ../shared/export-schemas (read at test
 * time with ajv; each block skips with a message when its schema is absent): Elastic detection-rules API
 * schemas, the Sentinel ARM alertRules OpenAPI and template constraints, the humio-operator CRDs, SecOps
 * content_manager config, and the Navigator layer format's required fields.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import type { ExportResult } from '../../src/export/types.js';
import { attackDir, exportTo, fixtureRules, schemasDir } from './helpers.js';

type Rec = Record<string, unknown>;
const ajv = () => {
  const a = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(a);
  return a;
};
const file = (r: ExportResult, path: string) => r.files.find((f) => f.path === path)?.content ?? '';
const files = (r: ExportResult, prefix: string) => r.files.filter((f) => f.path.startsWith(prefix));

const elasticDir = join(schemasDir, 'elastic/detection-rules-api-schemas-9.5');
describe.skipIf(!existsSync(elasticDir))(`elastic: detection-rules API schemas (${elasticDir})`, () => {
  const validator = (type: string) =>
    ajv().compile(JSON.parse(readFileSync(join(elasticDir, `9.5.${type}.json`), 'utf8')));
  it('every Kibana NDJSON line and every TOML [rule] table validates against its type schema', async () => {
    const r = exportTo(await fixtureRules(), 'elastic');
    const bodies = file(r, 'rules.ndjson')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Rec);
    const tomls = files(r, 'rules/').map((f) => (parseToml(f.content) as Rec).rule as Rec);
    expect(bodies.length).toBe(4);
    expect(tomls.length).toBe(4);
    for (const body of [...bodies, ...tomls]) {
      const validate = validator(String(body.type));
      expect(validate(body), `${body.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(new Set(bodies.map((b) => b.type))).toEqual(new Set(['eql', 'threshold']));
    expect(bodies.find((b) => b.threshold && 'cardinality' in (b.threshold as Rec))).toBeDefined();
  });
});

const armDir = join(schemasDir, 'microsoft-sentinel/azure-rest-api-specs/resource-manager');
const alertRules = join(armDir, 'Microsoft.SecurityInsights/stable/2023-02-01/AlertRules.json');
const constraints = join(schemasDir, 'microsoft-sentinel/azure-sentinel-template-validation');
describe.skipIf(!existsSync(alertRules))(`sentinel: ARM alertRules 2023-02-01 OpenAPI (${alertRules})`, () => {
  it('each ARM resource is a Scheduled rule whose properties validate against ScheduledAlertRuleProperties', async () => {
    const a = ajv();
    for (const f of [
      alertRules,
      join(dirname2(alertRules), 'common/AlertTypes.json'),
      join(armDir, 'common/2.0/types.json'),
    ]) {
      const doc = JSON.parse(readFileSync(f, 'utf8')) as Rec;
      a.addSchema({ ...doc, $id: pathToFileURL(f).href });
    }
    const validate = a.getSchema(`${pathToFileURL(alertRules).href}#/definitions/ScheduledAlertRuleProperties`);
    if (!validate) throw new Error('ScheduledAlertRuleProperties not found');
    const arm = JSON.parse(file(exportTo(await fixtureRules(), 'sentinel'), 'azuredeploy.json')) as {
      resources: Rec[];
    };
    expect(arm.resources.length).toBe(2);
    for (const res of arm.resources) {
      expect(res.type).toBe('Microsoft.OperationalInsights/workspaces/providers/alertRules');
      expect(res.apiVersion).toBe('2023-02-01');
      expect(validate(res.properties), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

/** Valid identifiers and tactics, read from the template-validation constraints summary. */
function sentinelConstraints() {
  const md = readFileSync(join(constraints, 'MODEL_CONSTRAINTS.md'), 'utf8');
  const tactics = /Each item must be one of ([^.]+)\./.exec(md)?.[1].split(/,\s*/) ?? [];
  const entities = new Map<string, string[]>();
  for (const m of md.matchAll(/^- (\w+): ([^.]+)\. Required/gm)) entities.set(m[1], m[2].split(/,\s*/));
  const connectors = JSON.parse(readFileSync(join(constraints, 'ValidConnectorIds.json'), 'utf8')) as string[];
  return { tactics, entities, connectors };
}

describe.skipIf(!existsSync(constraints))(`sentinel: Azure-Sentinel template validation (${constraints})`, () => {
  it('templates use valid tactics, connector ids and entity identifiers, within the limits', async () => {
    const { tactics, entities, connectors } = sentinelConstraints();
    expect(entities.size).toBeGreaterThan(10);
    const yamls = files(exportTo(await fixtureRules(), 'sentinel'), 'Detections/').map(
      (f) => parseYaml(f.content) as Rec,
    );
    expect(yamls.length).toBe(2);
    for (const t of yamls) {
      expect(String(t.id)).toMatch(/^[0-9a-f-]{36}$/);
      expect(['Scheduled', 'NRT']).toContain(t.kind);
      for (const tactic of t.tactics as string[]) expect(tactics).toContain(tactic);
      for (const c of t.requiredDataConnectors as Rec[]) expect(connectors).toContain(c.connectorId);
      for (const e of t.entityMappings as { entityType: string; fieldMappings: Rec[] }[])
        for (const fm of e.fieldMappings) expect(entities.get(e.entityType)).toContain(fm.identifier);
      expect(String(t.query).length).toBeLessThanOrEqual(10_000);
    }
  });
});

const crdDir = join(schemasDir, 'logscale/humio-operator-crds');
describe.skipIf(!existsSync(crdDir))(`logscale: humio-operator CRDs (${crdDir})`, () => {
  it('each alert resource validates against its CRD openAPIV3Schema', async () => {
    const schemaOf = (kind: string) => {
      const name = `core.humio.com_humio${kind.replace(/^Humio/, '').toLowerCase()}s.yaml`;
      const crd = parseYaml(readFileSync(join(crdDir, name), 'utf8')) as Rec;
      const versions = (crd.spec as Rec).versions as Rec[];
      return ((versions.find((v) => v.storage) ?? versions[0]).schema as Rec).openAPIV3Schema as Rec;
    };
    const rules = await fixtureRules();
    const fromFixture = files(exportTo(rules, 'logscale'), 'alerts/');
    const fromPack = files(
      exportTo(
        await import('../../src/ruleset/load.js').then((m) =>
          m.loadRules([resolve(import.meta.dirname, '../../content')]),
        ),
        'logscale',
      ),
      'alerts/',
    );
    const docs = [...fromFixture, ...fromPack].flatMap((f) =>
      parseAllDocuments(f.content).map((d) => d.toJSON() as Rec),
    );
    expect(docs.some((d) => d.kind === 'HumioFilterAlert')).toBe(true);
    for (const doc of docs) {
      const validate = ajv().compile(schemaOf(String(doc.kind)));
      expect(validate(doc), `${(doc.metadata as Rec).name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

const secopsDir = join(schemasDir, 'google-secops/content-manager-examples');
describe.skipIf(!existsSync(secopsDir))(`secops: content_manager rule_config examples (${secopsDir})`, () => {
  it('rule_config.yaml entries have the RuleConfigEntry fields and values the examples use; one .yaral per entry', async () => {
    const examples = ['rule_config.yaml', 'test_data/test_rule_config.yaml'].map(
      (f) => parseYaml(readFileSync(join(secopsDir, f), 'utf8')) as Record<string, Rec>,
    );
    const exampleEntries = examples.flatMap((e) => Object.values(e));
    const knownKeys = new Set(exampleEntries.flatMap((e) => Object.keys(e)));
    const types = new Set(exampleEntries.map((e) => e.type));
    const r = exportTo(await fixtureRules(), 'secops');
    const config = parseYaml(file(r, 'rule_config.yaml')) as Record<string, Rec>;
    expect(Object.keys(config).length).toBe(4);
    for (const [name, entry] of Object.entries(config)) {
      for (const k of Object.keys(entry)) expect(knownKeys, k).toContain(k);
      expect(typeof entry.enabled).toBe('boolean');
      expect(typeof entry.alerting).toBe('boolean');
      expect(['LIVE', 'HOURLY', 'DAILY']).toContain(entry.run_frequency);
      expect(types).toContain(entry.type);
      const rule = file(r, `rules/${name}.yaral`);
      expect(rule).toMatch(new RegExp(`^rule ${name} \\{`));
    }
  });
});

const layerFormat = join(attackDir, 'navigator-layerformat-v4.5.md');
/** Required properties per object of the layer format, read from its property tables. */
function layerRequired(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let section = '';
  for (const line of readFileSync(layerFormat, 'utf8').split('\n')) {
    const h = /^## (\w+)/.exec(line);
    if (h) section = h[1] === 'Property' ? 'Layer' : h[1];
    const row = /^\| (\w+) \| [^|]+ \| Yes \|/.exec(line);
    if (row) out.set(section, [...(out.get(section) ?? []), row[1]]);
  }
  return out;
}

describe.skipIf(!existsSync(layerFormat))(`navigator: layer format 4.5 required fields (${layerFormat})`, () => {
  it('the layer and its versions, techniques, gradient, metadata and links have every required field', async () => {
    const req = layerRequired();
    const layer = JSON.parse(file(exportTo(await fixtureRules(), 'navigator'), 'layer.json')) as Rec;
    const has = (obj: unknown, section: string) => {
      for (const k of req.get(section) ?? []) expect(obj, `${section}.${k}`).toHaveProperty(k);
    };
    expect(req.get('Layer')).toEqual(['name', 'domain']);
    has(layer, 'Layer');
    has(layer.versions, 'Version');
    has(layer.gradient, 'Gradient');
    expect(layer.versions).toEqual({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(layer.domain).toBe('enterprise-attack');
    const techniques = layer.techniques as Rec[];
    expect(techniques.map((t) => `${t.techniqueID}@${t.tactic}`)).toContain('T1059.001@execution');
    for (const t of techniques) {
      has(t, 'Technique');
      for (const m of t.metadata as Rec[]) has(m, 'Metadata');
      for (const l of t.links as Rec[]) {
        has(l, 'Link');
        expect(String(l.url)).toMatch(/^https?:\/\//);
      }
    }
  });
});

function dirname2(p: string): string {
  return resolve(p, '..');
}
