/**
 * ATT&CK Navigator layer (format 4.5, ATT&CK 18, enterprise-attack): one entry per covered technique and
 * tactic, scored by the number of detections, with the best confidence, rule titles and links.
 */
import { techniqueOf } from './attack.js';
import { layerDocument } from './layer-frame.js';
import { attackTags, triplineOf } from './meta.js';
import type { ExportOptions, ExportResult, ExportRule, Platform } from './types.js';

const CONFIDENCE_RANK = { low: 1, medium: 2, high: 3 } as const;

interface Coverage {
  readonly id: string;
  readonly tactics: Set<string>;
  readonly rules: ExportRule[];
}

/** Techniques covered by the rules, with the tactics to show them under. */
function coverage(rules: readonly ExportRule[], options: ExportOptions): Coverage[] {
  const byId = new Map<string, Coverage>();
  for (const r of rules) {
    const tags = attackTags(r.rule.meta);
    for (const id of tags.techniques) {
      const known = techniqueOf(options.attack, id).tactics;
      // With ATT&CK data a technique shows under its own tactics; without, under the rule's tactic tags.
      const tactics = known.length ? known : tags.tactics;
      const c = byId.get(id) ?? { id, tactics: new Set<string>(), rules: [] };
      for (const t of tactics) c.tactics.add(t);
      c.rules.push(r);
      byId.set(id, c);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function bestConfidence(rules: readonly ExportRule[]): string {
  let best: keyof typeof CONFIDENCE_RANK | undefined;
  for (const r of rules) {
    const c = triplineOf(r.rule.meta).confidence;
    if (c && (!best || CONFIDENCE_RANK[c] > CONFIDENCE_RANK[best])) best = c;
  }
  return best ?? 'unrated';
}

/** The layer object. */
export function coverageLayer(
  rules: readonly ExportRule[],
  options: ExportOptions,
  name = 'tripline coverage',
): object {
  const covered = coverage(rules, options);
  const techniques = covered.flatMap((c) => {
    const confidence = bestConfidence(c.rules);
    const titles = [...new Set(c.rules.map((r) => r.rule.meta.title))].sort();
    const n = titles.length;
    return [...c.tactics].sort().map((tactic) => ({
      techniqueID: c.id,
      tactic,
      score: n,
      comment: `${n} detection${n === 1 ? '' : 's'}; best confidence: ${confidence}`,
      enabled: true,
      metadata: [{ name: 'confidence', value: confidence }, ...titles.map((t) => ({ name: 'rule', value: t }))],
      links: c.rules
        .filter((r) => r.rule.meta.references.length > 0)
        .map((r) => ({ label: r.rule.meta.title, url: r.rule.meta.references[0] })),
      showSubtechniques: true,
    }));
  });
  return layerDocument({
    name,
    description: `Detection coverage exported by tripline: score = number of detections (${rules.length} rules).`,
    techniques,
    attackVersion: options.attack?.version,
    aggregateFunction: 'max',
  });
}

function write(rules: readonly ExportRule[], options: ExportOptions): ExportResult {
  return {
    files: [{ path: 'layer.json', content: `${JSON.stringify(coverageLayer(rules, options), null, 2)}\n` }],
    skipped: [],
  };
}

/** The Navigator platform: needs no query, only each rule's ATT&CK tags and confidence. */
export const NAVIGATOR: Platform = {
  name: 'navigator',
  title: 'ATT&CK Navigator layer (format 4.5) scoring coverage per technique',
  queries: () => [],
  write,
};
