/** EVTX files through the EVTX engineer's reader (./evtx), mapped by windows.ts like every other Windows input. */
import type { LogEvent } from './event.js';
import { readEvtxFileChunks } from './evtx/index.js';
import type { ReadSink } from './sink.js';
import { isSkip } from './values.js';
import { mapEvtxJson } from './windows.js';

/** Streams the events of an .evtx file; damaged chunks and records are reported by the EVTX reader. */
export async function* readEvtxEvents(path: string, sink: ReadSink): AsyncGenerator<LogEvent> {
  const onProblem = (p: { offset: number; severity: 'error' | 'warning'; reason: string }) =>
    (p.severity === 'error' ? sink.skip : sink.warn)({ file: path, offset: p.offset, reason: p.reason });
  try {
    // A chunk's records at a time: one await per chunk, not per record.
    for await (const batch of readEvtxFileChunks(path, { onProblem })) {
      for (const rec of batch) {
        const mapped = mapEvtxJson(rec.event, { file: path, record: rec.recordId });
        if (isSkip(mapped)) sink.skip({ file: path, reason: `record ${rec.recordId}: ${mapped.skip}` });
        // The record header's written time stands in when System/TimeCreated is missing.
        else yield mapped.timestamp === undefined ? { ...mapped, timestamp: rec.timestamp } : mapped;
      }
    }
  } catch (err) {
    sink.skip({ file: path, reason: `EVTX read error: ${(err as Error).message}` });
  }
}
