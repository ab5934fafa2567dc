/**
 * Coverage scoring and the ATT&CK Navigator layer (format 4.5). Browser-safe: the catalog builds the layer
 * of the rules currently shown, so a filtered view downloads its own layer.
 */
import { layerDocument } from '../export/layer-frame.js';
import type { RuleSummary, SiteAttack } from './types.js';

const WEIGHT: Record<string, number> = { stable: 1, test: 0.8, experimental: 0.6 };
const CONFIDENCE: Record<string, number> = { high: 1, medium: 0.7, low: 0.4 };

/**
 * The quality of one detection in [0, 1]: maturity (status) times confidence (unrated counts as 0.5), so
 * the matrix shades a technique by how many detections cover it and how much they can be trusted.
 */
export function detectionQuality(r: Pick<RuleSummary, 'status' | 'confidence'>): number {
  return (WEIGHT[r.status] ?? 0.4) * (CONFIDENCE[r.confidence] ?? 0.5);
}

/** A Navigator layer (format 4.5, ATT&CK 18) scoring each technique by its detections. */
export function navigatorLayer(rules: readonly RuleSummary[], attack: SiteAttack, title: string): object {
  const byTech = new Map<string, RuleSummary[]>();
  for (const r of rules) for (const t of r.techniques) byTech.set(t, [...(byTech.get(t) ?? []), r]);
  const known = new Map(attack.techniques.map((t) => [t.id, t]));
  const techniques = [...byTech.entries()]
    .filter(([id]) => known.has(id))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([id, list]) =>
      (known.get(id)?.tactics ?? []).map((tactic) => ({
        techniqueID: id,
        tactic,
        score: list.length,
        comment: `${list.length} detection${list.length === 1 ? '' : 's'}`,
        enabled: true,
        metadata: list.slice(0, 20).map((r) => ({ name: 'detection', value: r.title })),
        showSubtechniques: true,
      })),
    );
  return layerDocument({
    name: title,
    description: 'Detection coverage exported by tripline. score = number of detections mapped to the technique.',
    techniques,
    attackVersion: attack.version,
  });
}
