/** ATT&CK reference data as checks read it, built from the enterprise JSON files (shape of ../shared/attack). */

/** One technique or sub-technique. */
export interface AttackTechnique {
  readonly id: string;
  readonly name: string;
  readonly tactics: readonly string[];
  readonly deprecated: boolean;
  readonly revoked: boolean;
  readonly revokedBy?: string;
}

/** One tactic, keyed by its short name (`defense-evasion`). */
export interface AttackTactic {
  readonly id: string;
  readonly shortname: string;
  readonly name: string;
}

/** Techniques by upper-case id (T1059.001) and tactics by short name. */
export interface AttackData {
  readonly version: string;
  readonly techniques: ReadonlyMap<string, AttackTechnique>;
  readonly tactics: ReadonlyMap<string, AttackTactic>;
}

/** Builds AttackData from the parsed enterprise-techniques.json and enterprise-tactics.json values. */
export function buildAttackData(techniquesJson: unknown, tacticsJson: unknown): AttackData {
  const techniques = new Map<string, AttackTechnique>();
  for (const t of Array.isArray(techniquesJson) ? techniquesJson : []) {
    if (!t || typeof t !== 'object' || typeof t.id !== 'string') continue;
    techniques.set(
      t.id.toUpperCase(),
      Object.freeze({
        id: t.id,
        name: String(t.name ?? ''),
        tactics: Array.isArray(t.tactics) ? t.tactics.map(String) : [],
        deprecated: t.deprecated === true,
        revoked: t.revoked === true,
        revokedBy: typeof t.revoked_by === 'string' ? t.revoked_by : undefined,
      }),
    );
  }
  const tactics = new Map<string, AttackTactic>();
  const root = (tacticsJson ?? {}) as { meta?: { attack_version?: string }; tactics?: unknown };
  for (const t of Array.isArray(root.tactics) ? root.tactics : []) {
    if (!t || typeof t.shortname !== 'string') continue;
    tactics.set(t.shortname, Object.freeze({ id: String(t.id), shortname: t.shortname, name: String(t.name ?? '') }));
  }
  return Object.freeze({ version: String(root.meta?.attack_version ?? 'unknown'), techniques, tactics });
}
