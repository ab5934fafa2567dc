/** Input format detection from the first bytes of a file, and the `--source` override names. */
import type { TextEncoding } from './decode.js';

/** File formats a reader exists for. */
export type ContainerFormat = 'evtx' | 'xml' | 'json' | 'jsonl' | 'csv' | 'auditd';

/** Names accepted by `--source`: a file format, or a record shape read from JSON/JSONL/CSV. */
export type SourceFormat = ContainerFormat | 'ecs' | 'mde' | 'sysmon-json' | 'evtx-json';

/** Every `--source` name, for CLI help and validation. */
export const SOURCE_FORMATS: readonly SourceFormat[] = Object.freeze([
  'evtx',
  'xml',
  'jsonl',
  'json',
  'csv',
  'auditd',
  'ecs',
  'mde',
  'sysmon-json',
  'evtx-json',
]);

/** What detection found: a format (with the text encoding), an empty file, or why nothing matched. */
export type Detection =
  | { readonly format: ContainerFormat; readonly encoding: TextEncoding }
  | { readonly format: 'empty' }
  | { readonly format: 'unknown'; readonly reason: string };

/** How many leading bytes detection wants. */
export const DETECT_BYTES = 64 * 1024;

const EVTX_MAGIC = 'ElfFile\0';
const AUDITD = /(?:^|\s)(?:node=\S+\s+)?type=[A-Za-z0-9_]+\s+msg=audit\(\d+(?:\.\d+)?:\d+\)/;
const HEADER_CELL = /^[\w@$#. \-/()[\]:]+$/;

/** True when `s` names a `--source` format. */
export function isSourceFormat(s: string): s is SourceFormat {
  return (SOURCE_FORMATS as readonly string[]).includes(s);
}

/** JSON lines when the first line is a whole JSON value; else a JSON document (array, pretty or concatenated). */
function jsonKind(text: string, complete: boolean): 'json' | 'jsonl' {
  const nl = text.indexOf('\n');
  if (nl < 0 && !complete) return 'json';
  try {
    JSON.parse(nl < 0 ? text : text.slice(0, nl));
    return 'jsonl';
  } catch {
    return 'json';
  }
}

/** A first line that reads as a CSV header: two or more plain column names. */
function isCsvHeader(line: string): boolean {
  const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return cells.length >= 2 && cells.every((c) => c !== '' && HEADER_CELL.test(c));
}

/** Detects a file's format from its content (`path` only breaks ties: a damaged .evtx is still EVTX). */
export function detectFormat(path: string, firstBytes: Uint8Array): Detection {
  const bytes = Buffer.from(firstBytes.buffer, firstBytes.byteOffset, firstBytes.byteLength);
  if (bytes.length === 0) return { format: 'empty' };
  if (bytes.subarray(0, 8).toString('latin1') === EVTX_MAGIC) return { format: 'evtx', encoding: 'utf-8' };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const encoding: TextEncoding = utf16 ? 'utf-16le' : 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
  const body = text.trimStart();
  if (body === '') return { format: 'empty' };
  if (body.startsWith('<')) return { format: 'xml', encoding };
  if (/\.evtx$/i.test(path)) return { format: 'evtx', encoding };
  if (utf16) return { format: 'unknown', reason: 'UTF-16 text is only read for XML exports; convert to UTF-8' };
  if (body.startsWith('[')) return { format: 'json', encoding };
  if (body.startsWith('{')) return { format: jsonKind(body, firstBytes.length < DETECT_BYTES), encoding };
  const firstLine = body.slice(0, body.indexOf('\n') < 0 ? undefined : body.indexOf('\n')).replace(/\r$/, '');
  if (AUDITD.test(firstLine)) return { format: 'auditd', encoding };
  if (isCsvHeader(firstLine)) return { format: 'csv', encoding };
  const shown = JSON.stringify(firstLine.slice(0, 40));
  return { format: 'unknown', reason: `unrecognised content (starts ${shown}); pass --source to choose a reader` };
}
