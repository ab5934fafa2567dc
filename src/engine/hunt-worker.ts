/**
 * Node only: the worker thread of parallel.ts. Compiles the rules it is given once, then hunts each file
 * or file range it is sent and streams the matches back in record order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DetectionRule } from '../ir/types.js';
import { compileRule, isCompiled } from './compile.js';
import { type FileHuntOptions, huntFile, huntStream } from './hunt-file.js';
import { readRangeBatches } from './hunt-range.js';
import { RuleMatcher } from './matcher.js';
import { type FromWorker, sentEvent, type ToWorker, type WorkerRule, type WorkerSetup } from './worker-protocol.js';

/**
 * Matches per message. Matched events wait in the batch until it is sent; a worker's young generation is
 * small (parallel.ts), so at 512 most of them outlived two scavenges and were promoted. At 64, the
 * workers' collections took ~10% less time on the 200 MB bench file, for one message per ~550 events.
 */
const MATCHES_PER_MESSAGE = 64;

const ORIGIN = Object.freeze({
  file: '(hunt worker)',
  document: 0,
  span: { line: 1, column: 1, endLine: 1, endColumn: 1 },
});
const META = Object.freeze({
  title: '',
  references: [],
  tags: [],
  falsepositives: [],
  fields: [],
  related: [],
  custom: {},
});

/** A detection rule around the worker form (metadata stays in the main thread; results are indices). */
function detection(r: WorkerRule): DetectionRule {
  return { kind: 'detection', origin: ORIGIN, meta: META, logsource: r.logsource, expr: r.expr, condition: [] };
}

function serve(): void {
  const port = parentPort;
  if (!port) return;
  const send = (m: FromWorker): void => port.postMessage(m);
  const setup = workerData as WorkerSetup;
  // The main thread compiled and checked these rules; here each compiles on its first evaluation.
  const compiled = setup.rules.map((r) => compileRule(detection(r), false));
  const failed = compiled.find((c) => !isCompiled(c));
  if (failed) {
    send({
      type: 'error',
      message: `a rule compiled in the main thread failed in a worker: ${JSON.stringify(failed)}`,
    });
    return;
  }
  const matcher = new RuleMatcher(compiled.filter(isCompiled));
  const keep = setup.rules.map((r) => r.keep);
  const opts: FileHuntOptions = {
    range: setup.range,
    format: setup.format,
    onSkip: (record) => send({ type: 'skip', record }),
    onWarning: (record) => send({ type: 'warning', record }),
    onMatches: (batch) => send({ type: 'matches', batch: batch.map(([i, e]) => [i, sentEvent(e, keep[i])] as const) }),
    onProgress: (events, bytes) => send({ type: 'progress', events, bytes }),
    batchSize: MATCHES_PER_MESSAGE,
  };
  port.on('message', (m: ToWorker) => {
    let lines: number | undefined;
    const run = m.range
      ? huntStream(
          m.file,
          readRangeBatches(m.file, m.range, { ...opts, kind: m.kind, onLines: (n) => (lines = n) }),
          matcher,
          opts,
        )
      : huntFile(m.file, matcher, opts);
    run.then(
      (totals) => send({ type: 'done', totals, lines }),
      (e: unknown) => send({ type: 'error', message: (e as Error).stack ?? String(e) }),
    );
  });
  send({ type: 'ready' });
}

serve();
