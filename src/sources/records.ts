/**
 * One parsed record (a JSON object or a CSV row) -> LogEvent: recognises the record's shape and dispatches to
 * the mapper for it. JSON and CSV readers share this, so a Defender export maps the same either way.
 */

import { mapEcs } from './ecs.js';
import type { EventLogsource, EventOrigin } from './event.js';
import { isMdeRow, mapMde } from './mde.js';
import {
  flattenDotted,
  isObject,
  type JsonObject,
  type Mapped,
  makeEvent,
  parseTimestamp,
  pick,
  text,
} from './values.js';
import { mapEvtxJson } from './windows.js';
import { isFlatWindows, mapFlatWindows, mapWinlogbeat } from './windows-flat.js';

/** The record shapes the readers understand. */
export type RecordKind = 'evtx-json' | 'winlogbeat' | 'ecs' | 'mde' | 'sysmon-json' | 'generic';

/** Options every record mapper may use. */
export interface RecordOptions {
  /** Log source given to generic records (from `--source`-style overrides); other kinds set their own. */
  readonly logsource?: EventLogsource;
}

/** Generic records: dotted flattening, log source only from the caller. */
function mapGeneric(rec: JsonObject, origin: EventOrigin, opts: RecordOptions): Mapped {
  const fields = flattenDotted(rec, {});
  const time = ['@timestamp', 'timestamp', 'Timestamp', 'time', 'TimeCreated', 'EventTime'].find(
    (k) => parseTimestamp(pick(rec, k)) !== undefined,
  );
  const ts = time === undefined ? undefined : parseTimestamp(pick(rec, time));
  const host = text(pick(rec, 'host.name')) ?? text(rec.host) ?? text(rec.hostname) ?? text(rec.Computer);
  return makeEvent(fields, opts.logsource ?? {}, origin, ts, host);
}

/** The mapper for each record kind (exhaustive: adding a kind makes the compiler ask for its mapper). */
const MAPPERS: Readonly<Record<RecordKind, (rec: JsonObject, origin: EventOrigin, opts: RecordOptions) => Mapped>> = {
  'evtx-json': (rec, origin) => mapEvtxJson(rec, origin),
  winlogbeat: (rec, origin) => mapWinlogbeat(rec, origin),
  ecs: (rec, origin) => (pick(rec, 'winlog.event_id') === undefined ? mapEcs(rec, origin) : mapWinlogbeat(rec, origin)),
  mde: (rec, origin) => mapMde(rec, origin),
  'sysmon-json': (rec, origin) => (isObject(rec.Event) ? mapEvtxJson(rec, origin) : mapFlatWindows(rec, origin)),
  generic: mapGeneric,
};

/** Recognises a record's shape from its keys. */
export function classifyRecord(rec: JsonObject): RecordKind {
  const event = rec.Event;
  if ((isObject(event) && isObject(event.System)) || (isObject(rec.System) && 'EventData' in rec)) return 'evtx-json';
  if (pick(rec, 'winlog.event_id') !== undefined || pick(rec, 'winlog.channel') !== undefined) return 'winlogbeat';
  if (isMdeRow(rec)) return 'mde';
  if (isFlatWindows(rec)) return 'sysmon-json';
  if ('@timestamp' in rec && (pick(rec, 'event.category') !== undefined || pick(rec, 'ecs.version') !== undefined)) {
    return 'ecs';
  }
  return 'generic';
}

/** Maps one record, by its own shape or by a forced kind (`--source ecs` etc.). */
export function mapRecord(rec: unknown, origin: EventOrigin, opts: RecordOptions, kind?: RecordKind): Mapped {
  if (!isObject(rec)) return { skip: `record is not an object (${Array.isArray(rec) ? 'array' : typeof rec})` };
  return MAPPERS[kind ?? classifyRecord(rec)](rec, origin, opts);
}
