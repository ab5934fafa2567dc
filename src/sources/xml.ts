/**
 * Windows XML event exports (wevtutil qe /f:xml, Get-WinEvent ToXml; `<Events><Event>...` or bare `<Event>`s),
 * streamed with saxes. Each <Event> is rebuilt in the evtx_dump JSON shape and mapped by windows.ts, so XML and
 * EVTX give identical events. A malformed <Event> is skipped with its line; parsing goes on after it.
 */
import { SaxesParser } from 'saxes';
import { readChunks } from './chunks.js';
import { createDecoder, type TextEncoding } from './decode.js';
import type { LogEvent } from './event.js';
import type { ReadSink } from './sink.js';
import { isSkip } from './values.js';
import { mapEvtxJson } from './windows.js';

/** A value in the evtx_dump JSON shape. */
type Node = string | { [k: string]: Node | Node[] };

/** An element being built. */
interface Frame {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Array<readonly [string, Node]>;
  text: string;
}

/** saxes complaints that only mean "several <Event> roots without a wrapper", which we accept. */
const HARMLESS = /only one root|outside of root node/;

/** Renders a finished element: text only -> string; else `{#attributes?, children..., #text?}`. */
function render(f: Frame): Node {
  const hasAttrs = Object.keys(f.attrs).length > 0;
  if (f.children.length === 0 && !hasAttrs) return f.text;
  const out: { [k: string]: Node | Node[] } = {};
  if (hasAttrs) out['#attributes'] = { ...f.attrs };
  for (const [k, v] of f.children) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[k] = [prev, v];
  }
  if (f.text.trim() !== '') out['#text'] = f.text;
  return out;
}

/** Adds a finished child; EventData's `<Data Name="X">v</Data>` becomes `X: v` as evtx_dump writes it. */
function attach(parent: Frame, child: Frame): void {
  const name = child.attrs.Name;
  if (child.name === 'Data' && parent.name === 'EventData' && name !== undefined && child.children.length === 0) {
    parent.children.push([name, child.text]);
  } else parent.children.push([child.name, render(child)]);
}

/** Streams the events of an XML export; `encoding` comes from detection (UTF-16 for PowerShell redirects). */
export async function* readXmlEvents(
  path: string,
  sink: ReadSink,
  encoding: TextEncoding = 'utf-8',
): AsyncGenerator<LogEvent> {
  const parser = new SaxesParser({ position: true });
  const stack: Frame[] = [];
  const ready: LogEvent[] = [];
  let eventLine = 0;
  let damaged = false;
  let outsideReported = false;
  parser.on('opentag', (tag) => {
    if (tag.name === 'Event') {
      // A new <Event> while one is open means the previous one never closed: drop it, start over.
      if (stack.length > 0 && !damaged) sink.skip({ file: path, line: eventLine, reason: 'unterminated XML event' });
      stack.length = 0;
      eventLine = parser.line;
      damaged = false;
    }
    if (stack.length > 0 || tag.name === 'Event') {
      stack.push({ name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' });
    }
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += t;
  });
  parser.on('closetag', () => {
    const done = stack.pop();
    if (done === undefined) return;
    const parent = stack[stack.length - 1];
    if (parent !== undefined) return attach(parent, done);
    if (done.name !== 'Event') return;
    const origin = { file: path, line: eventLine };
    if (damaged) return;
    const mapped = mapEvtxJson({ Event: render(done) }, origin);
    if (isSkip(mapped)) sink.skip({ ...origin, reason: mapped.skip });
    else ready.push(mapped);
  });
  parser.on('error', (err) => {
    // One report per damaged event: saxes may raise several errors while it unwinds the same damage.
    if (HARMLESS.test(err.message) || damaged) return;
    if (stack.length > 0) {
      damaged = true;
      sink.skip({ file: path, line: eventLine, reason: `malformed XML event: ${err.message}` });
    } else if (!outsideReported && !/unmatched closing tag/.test(err.message)) {
      // (An unmatched closing tag between events loses no event: saxes unwinds its stack after earlier damage.)
      outsideReported = true;
      sink.skip({
        file: path,
        line: parser.line,
        reason: `malformed XML outside events: ${err.message} (reported once)`,
      });
    }
  });
  const decoder = createDecoder(encoding, () =>
    sink.warn({ file: path, reason: 'invalid UTF-8 replaced with U+FFFD (reported once per file)' }),
  );
  try {
    for await (const chunk of readChunks(path)) {
      parser.write(decoder.write(chunk));
      yield* ready.splice(0);
    }
    parser.write(decoder.end());
    parser.close();
  } catch (err) {
    sink.skip({ file: path, reason: `read error: ${(err as Error).message}` });
  }
  yield* ready.splice(0);
}
