/**
 * ATT&CK names for exports: technique and tactic lookups built from the shared ATT&CK files read at run time
 * (never copied into the repo). Without them, exports carry ids only.
 */
import { readAttack } from '../site/attack.js';
import type { SiteAttack } from '../site/types.js';

/** One ATT&CK tactic. */
export interface AttackTactic {
  readonly id: string;
  readonly shortname: string;
  readonly name: string;
  readonly url: string;
}

/** One ATT&CK technique or sub-technique. */
export interface AttackTechnique {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** Tactic shortnames. */
  readonly tactics: readonly string[];
  readonly parent: string | null;
}

/** ATT&CK lookups by tactic shortname and technique id. */
export interface AttackIndex {
  readonly version: string;
  readonly tactics: ReadonlyMap<string, AttackTactic>;
  readonly techniques: ReadonlyMap<string, AttackTechnique>;
}

/** Builds the lookups from parsed ATT&CK data. */
export function attackIndex(data: SiteAttack): AttackIndex {
  return {
    version: data.version,
    tactics: new Map(data.tactics.map((t) => [t.shortname, t])),
    techniques: new Map(data.techniques.map((t) => [t.id, t])),
  };
}

/** Reads enterprise-tactics.json and enterprise-techniques.json from a folder; undefined when absent. */
export function loadAttack(dir: string): AttackIndex | undefined {
  const data = readAttack(dir);
  return data ? attackIndex(data) : undefined;
}

/** A tactic by shortname; without ATT&CK data only the name is known (title-cased from the tag). */
export function tacticOf(attack: AttackIndex | undefined, shortname: string): AttackTactic {
  const known = attack?.tactics.get(shortname);
  if (known) return known;
  const name = shortname
    .split('-')
    .map((w, i) => (i > 0 && (w === 'and' || w === 'of') ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
  return { id: '', shortname, name, url: '' };
}

/** A technique by id; without ATT&CK data the name is the id. */
export function techniqueOf(attack: AttackIndex | undefined, id: string): AttackTechnique {
  const known = attack?.techniques.get(id);
  if (known) return known;
  const dot = id.indexOf('.');
  const url = `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
  return { id, name: id, url, tactics: [], parent: dot > 0 ? id.slice(0, dot) : null };
}

/** `Initial Access` -> `InitialAccess` (Sentinel and Defender tactic names). */
export function pascalTactic(name: string): string {
  return name.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/[^A-Za-z]/g, '');
}
