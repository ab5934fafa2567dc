/**
 * The document around an ATT&CK Navigator layer's techniques (format 4.5, ATT&CK 18, enterprise-attack),
 * shared by the export package (navigator.ts) and the catalog (site/layer.ts). Browser-safe: no imports.
 */

/** What differs between the layers tripline writes. */
export interface LayerFrame {
  readonly name: string;
  readonly description: string;
  /** The scored technique entries; the gradient runs up to the highest score. */
  readonly techniques: readonly { readonly score: number }[];
  /** The ATT&CK data version the tactics came from, recorded in the metadata when known. */
  readonly attackVersion?: string;
  /** How Navigator aggregates sub-technique scores (its own default when absent). */
  readonly aggregateFunction?: 'max';
}

/** A complete Navigator layer around the given techniques. */
export function layerDocument(frame: LayerFrame): object {
  const max = Math.max(1, ...frame.techniques.map((t) => t.score));
  return {
    name: frame.name,
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    description: frame.description,
    sorting: 3,
    layout: {
      layout: 'side',
      ...(frame.aggregateFunction ? { aggregateFunction: frame.aggregateFunction } : {}),
      showID: true,
      showName: true,
      showAggregateScores: true,
      countUnscored: false,
    },
    hideDisabled: false,
    techniques: frame.techniques,
    gradient: { colors: ['#ffffff', '#66b1ff', '#08306b'], minValue: 0, maxValue: max },
    legendItems: [],
    metadata: [
      { name: 'generated_by', value: 'tripline' },
      ...(frame.attackVersion ? [{ name: 'attack_data', value: `enterprise-attack ${frame.attackVersion}` }] : []),
    ],
    links: [],
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  };
}
