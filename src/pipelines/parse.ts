/** Reads a user pipeline from YAML text, checking its shape and reporting problems with positions. */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { parseYaml, spanOf } from '../sigma/yaml.js';
import { TRANSFORM_NAMES } from './transforms.js';
import type { PipelineSpec } from './types.js';

const KEYS = new Set([
  'name',
  'description',
  'targets',
  'logsources',
  'requireLogsource',
  'fields',
  'strictFields',
  'fieldPrefix',
  'unsupported',
  'transforms',
  'placeholders',
  'timestamp',
  'keywordField',
]);
const TRANSFORM_TYPES = new Set(TRANSFORM_NAMES);

/** Parses a pipeline YAML file; returns the spec when it is usable. */
export function parsePipelineText(file: string, text: string, diagnostics: Diagnostic[]): PipelineSpec | undefined {
  const yaml = parseYaml(file, text);
  diagnostics.push(...yaml.diagnostics);
  const doc = yaml.documents[0];
  if (!doc) return undefined;
  const v = doc.value as Record<string, unknown>;
  const bad = (path: (string | number)[], msg: string) =>
    diagnostics.push(report('invalid-pipeline', file, spanOf(doc, path), msg));
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    bad([], 'a pipeline file must be a mapping with name, description and logsources/fields');
    return undefined;
  }
  const before = diagnostics.length;
  for (const k of Object.keys(v))
    if (!KEYS.has(k)) bad([k], `unknown pipeline key '${k}'; allowed: ${[...KEYS].join(', ')}`);
  if (typeof v.name !== 'string') bad(['name'], 'pipeline needs a `name` string');
  if (v.logsources !== undefined && !Array.isArray(v.logsources)) bad(['logsources'], '`logsources` must be a list');
  (Array.isArray(v.logsources) ? v.logsources : []).forEach((l: Record<string, unknown>, i: number) => {
    if (!l || typeof l.match !== 'object' || l.match === null)
      bad(['logsources', i], 'each log source needs a `match` map (category/product/service)');
  });
  if (v.fields !== undefined && (typeof v.fields !== 'object' || Array.isArray(v.fields)))
    bad(['fields'], '`fields` maps Sigma names to target names');
  (Array.isArray(v.transforms) ? v.transforms : []).forEach((t: Record<string, unknown>, i: number) => {
    if (!t || !TRANSFORM_TYPES.has(String(t.type)))
      bad(['transforms', i, 'type'], `transform type must be one of ${[...TRANSFORM_TYPES].join(', ')}`);
  });
  if (diagnostics.length > before) return undefined;
  return Object.freeze({ description: '', ...v }) as PipelineSpec;
}
