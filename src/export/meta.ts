/**
 * Rule metadata as exports read it: Sigma level and status, ATT&CK tags, tripline's own block
 * (`meta.custom.tripline`, see schemas/tripline-rule.schema.json), stable ids and schedule durations.
 */
import { createHash } from 'node:crypto';
import type { RuleMeta } from '../ir/types.js';

/** Sigma levels, lowest first. */
export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;

/** A Sigma level. */
export type Level = (typeof LEVELS)[number];

/** The rule's level (`medium` when absent or unknown). */
export function levelOf(meta: RuleMeta): Level {
  return (LEVELS as readonly string[]).includes(meta.level ?? '') ? (meta.level as Level) : 'medium';
}

/** tripline's block of a rule, typed loosely (the check command validates it against its schema). */
export interface TriplineMeta {
  readonly confidence?: 'low' | 'medium' | 'high';
  readonly dataSources: readonly { component: string; source: string; id?: string }[];
  readonly requiredTables: Readonly<Record<string, readonly string[]>>;
  readonly investigation?: string;
  readonly playbook?: string;
  readonly tuning: readonly { description: string }[];
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** The `tripline:` block of a rule, with defaults for what is missing. */
export function triplineOf(meta: RuleMeta): TriplineMeta {
  const block = (meta.custom.tripline ?? {}) as Record<string, unknown>;
  const conf = block.confidence;
  const tables: Record<string, readonly string[]> = {};
  const rawTables = block.required_tables;
  if (rawTables && typeof rawTables === 'object')
    for (const [k, v] of Object.entries(rawTables)) tables[k] = asArray(v).map(String);
  return {
    ...(conf === 'low' || conf === 'medium' || conf === 'high' ? { confidence: conf } : {}),
    dataSources: asArray(block.data_sources)
      .filter((d): d is Record<string, unknown> => !!d && typeof d === 'object')
      .map((d) => ({
        component: String(d.component ?? ''),
        source: String(d.source ?? ''),
        ...(d.id ? { id: String(d.id) } : {}),
      })),
    requiredTables: tables,
    ...(asText(block.investigation) ? { investigation: asText(block.investigation) } : {}),
    ...(asText(block.playbook) ? { playbook: asText(block.playbook) } : {}),
    tuning: asArray(block.tuning)
      .filter((t): t is Record<string, unknown> => !!t && typeof t === 'object')
      .map((t) => ({ description: String(t.description ?? '') })),
  };
}

/** ATT&CK tactics (shortnames) and technique ids (`T1195.002`) from `attack.*` tags, in tag order. */
export function attackTags(meta: RuleMeta): { tactics: string[]; techniques: string[] } {
  const tactics: string[] = [];
  const techniques: string[] = [];
  for (const tag of meta.tags) {
    const m = /^attack\.(.+)$/i.exec(tag);
    if (!m) continue;
    const v = m[1].toLowerCase();
    if (/^t\d{4}(\.\d{3})?$/.test(v)) techniques.push(v.toUpperCase());
    else if (/^[a-z]+(-[a-z]+)*$/.test(v) && !/^(g|s)\d{4}$/.test(v)) tactics.push(v);
  }
  return { tactics: [...new Set(tactics)], techniques: [...new Set(techniques)] };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rule's id when it is a GUID, else a name-based (v5-style) GUID of its title, stable across runs. */
export function ruleGuid(meta: RuleMeta, salt = ''): string {
  if (meta.id && GUID.test(meta.id) && !salt) return meta.id.toLowerCase();
  const h = createHash('sha1')
    .update(`tripline:${salt}:${meta.id ?? meta.title}`)
    .digest('hex');
  const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `5m`, `1h`, `2d`, `30s` as seconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** Seconds in the shortest exact `Nd`/`Nh`/`Nm`/`Ns` form. */
export function shortDuration(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const)
    if (seconds % size === 0 && seconds >= size) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}

/** Seconds as an ISO 8601 duration: `PT5M`, `PT1H`, `P1D`, `P1DT2H`. */
export function isoDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const rest = seconds % 86400;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}` || 'PT0S';
}

/** Sigma's `YYYY-MM-DD` or `YYYY/MM/DD` date, normalised to `YYYY-MM-DD`; undefined when malformed. */
export function isoDate(date: string | undefined): string | undefined {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(date ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** A lowercase identifier from a title, for file and stanza names. */
export function slugOf(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80)
    .replace(/_+$/, '');
  return /^[a-z]/.test(s) ? s : `r_${s}`;
}
