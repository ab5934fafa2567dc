/**
 * ATT&CK for the catalog: reads enterprise-tactics.json and enterprise-techniques.json from the shared data
 * at build time (never copied into the repo) and produces the matrix data (layer.ts turns it into a Navigator layer).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteAttack, SiteTactic, SiteTechnique } from './types.js';

type Rec = Record<string, unknown>;

/** Reads the ATT&CK files of a folder, or undefined when they are missing. */
export function readAttack(dir: string | undefined): SiteAttack | undefined {
  if (!dir) return undefined;
  const tacticsFile = join(dir, 'enterprise-tactics.json');
  const techniquesFile = join(dir, 'enterprise-techniques.json');
  if (!existsSync(tacticsFile) || !existsSync(techniquesFile)) return undefined;
  const tacticsDoc = JSON.parse(readFileSync(tacticsFile, 'utf8')) as Rec;
  const techniques = JSON.parse(readFileSync(techniquesFile, 'utf8')) as Rec[];
  const meta = (tacticsDoc.meta ?? {}) as Rec;
  const tactics = ((tacticsDoc.tactics ?? []) as Rec[])
    .slice()
    .sort((a, b) => Number(a.order) - Number(b.order))
    .map(
      (t): SiteTactic => ({
        id: String(t.id),
        shortname: String(t.shortname),
        name: String(t.name),
        url: String(t.url),
      }),
    );
  const live = techniques.filter((t) => !t.deprecated && !t.revoked);
  return {
    version: String(meta.attack_version ?? ''),
    copyright: String(meta.copyright ?? ''),
    license: readLicense(dir),
    tactics,
    techniques: live.map(
      (t): SiteTechnique => ({
        id: String(t.id),
        name: String(t.name),
        tactics: (t.tactics ?? []) as string[],
        platforms: (t.platforms ?? []) as string[],
        parent: (t.parent ?? null) as string | null,
        url: String(t.url),
        description: String(t.description ?? ''),
      }),
    ),
  };
}

function readLicense(dir: string): string {
  const f = join(dir, 'ATTACK-LICENSE.txt');
  return existsSync(f) ? readFileSync(f, 'utf8') : '';
}
