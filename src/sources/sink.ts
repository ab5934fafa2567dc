/** Where readers report what they could not use: skips (record dropped) and warnings (record kept, repaired). */
import type { SkippedRecord } from './event.js';

/** The two report channels every reader writes to; nothing a reader drops goes unreported. */
export interface ReadSink {
  /** A record or file that was not read. */
  readonly skip: (s: SkippedRecord) => void;
  /** Something repaired while reading (e.g. invalid UTF-8 replaced); the record was still used. */
  readonly warn: (s: SkippedRecord) => void;
}

/** Builds a sink from optional callbacks; warnings go to `onSkip` when no `onWarning` is given. */
export function makeSink(onSkip?: (s: SkippedRecord) => void, onWarning?: (s: SkippedRecord) => void): ReadSink {
  const skip = onSkip ?? (() => {});
  return { skip, warn: onWarning ?? skip };
}
