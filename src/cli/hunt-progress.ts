/**
 * The progress bar of `tripline hunt` (stderr, only when stderr is a terminal): files done, bytes,
 * events/s and ETA. Byte progress inside a file comes from the events' byte offsets when the reader
 * knows them, else a file counts when it is done.
 */
import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';

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

  /** Progress inside one file. */
  update(file: string, events: number, bytes: number): void {
    this.#at.set(file, Math.min(bytes, this.#sizes.get(file) ?? bytes));
    this.#events.set(file, events);
    this.#render();
  }

  /** A file is finished. */
  fileDone(file: string, events: number): void {
    this.#at.delete(file);
    this.#events.delete(file);
    this.#done++;
    this.#doneBytes += this.#sizes.get(file) ?? 0;
    this.#doneEvents += events;
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
