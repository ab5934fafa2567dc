/** EVTX files through the EVTX engineer's reader (./evtx), mapped by windows.ts like every other Windows input. */
import type { LogEvent } from './event.js';
import { type EvtxRecord, streamEvtxFileChunks } from './evtx/index.js';
import type { ReadSink } from './sink.js';
import { isSkip } from './values.js';
import { mapEvtxJson } from './windows.js';

/** Streams the events of an .evtx file; damaged chunks and records are reported by the EVTX reader. */
export async function* readEvtxEvents(path: string, sink: ReadSink): AsyncGenerator<LogEvent> {
  for await (const batch of readEvtxEventBatches(path, sink)) yield* batch;
}

/** readEvtxEvents a chunk's records at a time: one await per chunk; records are parsed and mapped as iterated. */
export async function* readEvtxEventBatches(path: string, sink: ReadSink): AsyncGenerator<Iterable<LogEvent>> {
  const onProblem = (p: { offset: number; severity: 'error' | 'warning'; reason: string }) =>
    (p.severity === 'error' ? sink.skip : sink.warn)({ file: path, offset: p.offset, reason: p.reason });
  try {
    for await (const records of streamEvtxFileChunks(path, { onProblem })) yield mapRecords(path, records, sink);
  } catch (err) {
    sink.skip({ file: path, reason: `EVTX read error: ${(err as Error).message}` });
  }
}

function* mapRecords(path: string, records: Iterable<EvtxRecord>, sink: ReadSink): Generator<LogEvent> {
  for (const rec of records) {
    const mapped = mapEvtxJson(rec.event, { file: path, record: rec.recordId });
    if (isSkip(mapped)) sink.skip({ file: path, reason: `record ${rec.recordId}: ${mapped.skip}` });
    // The record header's written time stands in when System/TimeCreated is missing.
    else yield mapped.timestamp === undefined ? { ...mapped, timestamp: rec.timestamp } : mapped;
  }
}
