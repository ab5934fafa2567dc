/**
 * Every export validated against the platform's published schema from ../shared/export-schemas (read at test
 * time with ajv; each block skips with a message when its schema is absent): Elastic detection-rules API
 * schemas, the Sentinel ARM alertRules OpenAPI and template constraints, the humio-operator CRDs, SecOps
 * content_manager config, and the Navigator layer format's required fields.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import type { ExportResult } from '../../src/export/types.js';
import { loadRules } from '../../src/ruleset/load.js';
import { attackDir, exportTo, fixtureRules, repoRoot, schemasDir } from './helpers.js';
import {
  alertRules,
  armPropertiesValidator,
  constraintsDir,
  crdDir,
  crdValidator,
  elasticDir,
  elasticValidators,
  sentinelConstraints,
  templateProblems,
} from './validators.js';

type Rec = Record<string, unknown>;
const file = (r: ExportResult, path: string) => r.files.find((f) => f.path === path)?.content ?? '';
const files = (r: ExportResult, prefix: string) => r.files.filter((f) => f.path.startsWith(prefix));

describe.skipIf(!existsSync(elasticDir))(`elastic: detection-rules API schemas (${elasticDir})`, () => {
  it('every Kibana NDJSON line and every TOML [rule] table validates against its type schema', async () => {
    const validator = elasticValidators();
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

describe.skipIf(!existsSync(alertRules))(`sentinel: ARM alertRules 2023-02-01 OpenAPI (${alertRules})`, () => {
  it('each ARM resource is a Scheduled rule whose properties validate against ScheduledAlertRuleProperties', async () => {
    const validate = armPropertiesValidator();
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

describe.skipIf(!existsSync(constraintsDir))(`sentinel: Azure-Sentinel template validation (${constraintsDir})`, () => {
  it('templates use valid tactics, connector ids and entity identifiers, within the limits', async () => {
    const c = sentinelConstraints();
    expect(c.entities.size).toBeGreaterThan(10);
    const yamls = files(exportTo(await fixtureRules(), 'sentinel'), 'Detections/').map(
      (f) => parseYaml(f.content) as Rec,
    );
    expect(yamls.length).toBe(2);
    for (const t of yamls) expect(templateProblems(t, c)).toEqual([]);
  });
});

describe.skipIf(!existsSync(crdDir))(`logscale: humio-operator CRDs (${crdDir})`, () => {
  it('each alert resource of the fixtures and the T1195 pack validates against its CRD openAPIV3Schema', async () => {
    const fromFixture = files(exportTo(await fixtureRules(), 'logscale'), 'alerts/');
    const fromPack = files(exportTo(await loadRules([resolve(repoRoot, 'content')]), 'logscale'), 'alerts/');
    const docs = [...fromFixture, ...fromPack].flatMap((f) =>
      parseAllDocuments(f.content).map((d) => d.toJSON() as Rec),
    );
    expect(docs.some((d) => d.kind === 'HumioFilterAlert')).toBe(true);
    for (const doc of docs) {
      const validate = crdValidator(String(doc.kind));
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
