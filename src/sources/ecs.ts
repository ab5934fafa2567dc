/**
 * Elastic Common Schema records (Elastic Agent / Defend, Auditbeat, Winlogbeat without event_data) -> LogEvent.
 * An explicit ECS -> Sigma field table; the category comes from event.category + event.type.
 * Every original field is kept too, under its dotted ECS name.
 */
import type { EventOrigin, FieldValue } from './event.js';
import {
  domainUser,
  flattenDotted,
  type JsonObject,
  type Mapped,
  makeEvent,
  parseTimestamp,
  pick,
  text,
  toFieldValue,
} from './values.js';

/** ECS path -> Sigma field, for every category. */
export const ECS_FIELDS: ReadonlyArray<readonly [ecs: string, sigma: string]> = [
  ['process.executable', 'Image'],
  ['process.command_line', 'CommandLine'],
  ['process.pid', 'ProcessId'],
  ['process.entity_id', 'ProcessGuid'],
  ['process.working_directory', 'CurrentDirectory'],
  ['process.parent.executable', 'ParentImage'],
  ['process.parent.command_line', 'ParentCommandLine'],
  ['process.parent.pid', 'ParentProcessId'],
  ['process.parent.entity_id', 'ParentProcessGuid'],
  ['process.pe.original_file_name', 'OriginalFileName'],
  ['process.pe.company', 'Company'],
  ['process.pe.product', 'Product'],
  ['process.pe.description', 'Description'],
  ['process.pe.file_version', 'FileVersion'],
  ['process.Ext.token.integrity_level_name', 'IntegrityLevel'],
  ['destination.ip', 'DestinationIp'],
  ['destination.port', 'DestinationPort'],
  ['destination.domain', 'DestinationHostname'],
  ['source.ip', 'SourceIp'],
  ['source.port', 'SourcePort'],
  ['source.domain', 'SourceHostname'],
  ['network.transport', 'Protocol'],
  ['dns.question.name', 'QueryName'],
  ['registry.path', 'TargetObject'],
  ['registry.data.strings', 'Details'],
  ['host.name', 'Computer'],
];

/** ECS path -> Sigma field where the Sigma name depends on the category (file.path is the loaded DLL in image_load). */
const ECS_FILE_FIELDS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  image_load: [
    ['dll.path', 'ImageLoaded'],
    ['file.path', 'ImageLoaded'],
  ],
  driver_load: [['file.path', 'ImageLoaded']],
  file_event: [['file.path', 'TargetFilename']],
  file_delete: [['file.path', 'TargetFilename']],
  file_rename: [['file.path', 'TargetFilename']],
};

/** event.type values that pick the category within each event.category. */
const ECS_CATEGORIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  process: { start: 'process_creation', end: 'process_termination' },
  network: { '*': 'network_connection' },
  file: { creation: 'file_event', change: 'file_event', deletion: 'file_delete', '*': 'file_event' },
  library: { '*': 'image_load' },
  driver: { '*': 'driver_load' },
  registry: { creation: 'registry_add', deletion: 'registry_delete', change: 'registry_set', '*': 'registry_event' },
};

/** A scalar or list field as a list of strings. */
function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(list);
  const s = text(v);
  return s === undefined ? [] : [s];
}

/** The Sigma category of an ECS record from event.category / event.type (and dns.* for DNS). */
export function ecsCategory(rec: JsonObject): string | undefined {
  const cats = list(pick(rec, 'event.category'));
  const types = list(pick(rec, 'event.type'));
  if (pick(rec, 'dns.question.name') !== undefined && (cats.length === 0 || cats.includes('network'))) {
    return 'dns_query';
  }
  for (const cat of cats) {
    const table = ECS_CATEGORIES[cat];
    if (table === undefined) continue;
    for (const t of types) if (table[t]) return table[t];
    if (table['*']) return table['*'];
  }
  return undefined;
}

/** The Sigma product from host.os.type / host.os.family / os.type (windows, linux, macos). */
export function ecsProduct(rec: JsonObject): string | undefined {
  for (const path of ['host.os.type', 'host.os.family', 'os.type', 'host.os.platform']) {
    const v = text(pick(rec, path))?.toLowerCase();
    if (v === 'windows' || v === 'linux' || v === 'macos') return v;
    if (v === 'darwin') return 'macos';
  }
  return undefined;
}

/** `ALGO=HEX,...` as Sysmon writes Hashes, from process.hash.* / file.hash.* / dll.hash.*. */
function hashes(rec: JsonObject, base: string): string | undefined {
  const parts: string[] = [];
  for (const algo of ['md5', 'sha1', 'sha256', 'imphash']) {
    const v = text(pick(rec, `${base}.${algo}`));
    if (v !== undefined) parts.push(`${algo.toUpperCase()}=${v.toUpperCase()}`);
  }
  return parts.length > 0 ? parts.join(',') : undefined;
}

/** The Sigma-named fields an ECS record provides for `category` (no ECS originals). */
export function ecsSigmaFields(rec: JsonObject, category: string | undefined): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  const table = [...ECS_FIELDS, ...(category ? (ECS_FILE_FIELDS[category] ?? []) : [])];
  for (const [ecs, sigma] of table) {
    const v = pick(rec, ecs);
    if (v !== undefined && v !== null && out[sigma] === undefined) out[sigma] = toFieldValue(v);
  }
  const user = domainUser(pick(rec, 'user.domain'), pick(rec, 'user.name'));
  if (user !== undefined) out.User = user;
  const resolved = list(pick(rec, 'dns.resolved_ip'));
  if (resolved.length > 0) out.QueryResults = resolved.join(';');
  const direction = text(pick(rec, 'network.direction'))?.toLowerCase();
  if (direction === 'egress' || direction === 'outbound') out.Initiated = 'true';
  if (direction === 'ingress' || direction === 'inbound') out.Initiated = 'false';
  const base = category === 'image_load' || category === 'driver_load' ? 'file.hash' : 'process.hash';
  const h = hashes(rec, base) ?? (category === 'image_load' ? hashes(rec, 'dll.hash') : undefined);
  if (h !== undefined) out.Hashes = h;
  if (typeof out.Protocol === 'string') out.Protocol = out.Protocol.toLowerCase();
  return out;
}

/** Maps a pure ECS record: Sigma names from the table plus every original field under its dotted name. */
export function mapEcs(rec: JsonObject, origin: EventOrigin): Mapped {
  const category = ecsCategory(rec);
  const fields = flattenDotted(rec, {});
  Object.assign(fields, ecsSigmaFields(rec, category));
  const host = text(pick(rec, 'host.name')) ?? text(pick(rec, 'host.hostname'));
  const ts = parseTimestamp(pick(rec, '@timestamp'));
  return makeEvent(fields, { product: ecsProduct(rec), category }, origin, ts, host);
}
