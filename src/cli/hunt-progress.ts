/**
 * The progress bar of `tripline hunt` (stderr, only when stderr is a terminal): files done, bytes,
 * events/s and ETA. Byte progress inside a file comes from the events' byte offsets when the reader
 * knows them, else a file counts when it is done.
 */
import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { UnitProgress } from '../engine/parallel.js';

/** Tracks bytes per file and drives the bar. */
export class HuntProgress {
  readonly #bar: cliProgress.SingleBar;
  readonly #sizes = new Map<string, number>();
  readonly #at = new Map<string, number>();
  readonly #events = new Map<string, number>();
  readonly #started = Date.now();
  #done = 0;
  #doneBytes = 0;
  #doneEvents = 0;
  #files = 0;

  private constructor(stream: NodeJS.WriteStream) {
    this.#bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          ' {bar} {percentage}% | files {done}/{files} | {mb} MB | {events} events | {rate} ev/s | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        fps: 5,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  /** Starts a bar over the files (sizes read up front). */
  static async start(files: readonly string[], stream: NodeJS.WriteStream): Promise<HuntProgress> {
    const p = new HuntProgress(stream);
    p.#files = files.length;
    let total = 0;
    for (const f of files) {
      const size = await stat(f).then(
        (s) => s.size,
        () => 0,
      );
      p.#sizes.set(f, size);
      total += size;
    }
    p.#bar.start(Math.max(total, 1), 0, p.#payload());
    return p;
  }

  /** Progress of one unit of work (a file or a range of one); a finished unit's bytes count in full. */
  update(p: UnitProgress): void {
    if (p.done) {
      this.#at.delete(p.unit);
      this.#events.delete(p.unit);
      this.#doneBytes += Number.isFinite(p.bytes) ? p.bytes : (this.#sizes.get(p.file) ?? 0);
      this.#doneEvents += p.events;
    } else {
      this.#at.set(p.unit, p.bytes);
      this.#events.set(p.unit, p.events);
    }
    this.#render();
  }

  /** A file is finished. */
  fileDone(): void {
    this.#done++;
    this.#render();
  }

  /** Removes the bar. */
  stop(): void {
    this.#bar.stop();
  }

  #render(): void {
    let bytes = this.#doneBytes;
    for (const b of this.#at.values()) bytes += b;
    this.#bar.update(bytes, this.#payload(bytes));
  }

  #payload(bytes = 0) {
    let events = this.#doneEvents;
    for (const e of this.#events.values()) events += e;
    const secs = (Date.now() - this.#started) / 1000;
    return {
      done: this.#done,
      files: this.#files,
      mb: (bytes / 1048576).toFixed(0),
      events,
      rate: secs > 0 ? Math.round(events / secs) : 0,
    };
  }
}
