/**
 * Node only: the worker thread of parallel.ts. Loads and compiles the rules once, then hunts each file it
 * is sent and streams the matches back in record order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../ruleset/load.js';
import { huntFile } from './hunt-file.js';
import { RuleMatcher } from './matcher.js';
import { prepareRules } from './select.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.js';

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const send = (m: FromWorker): void => port.postMessage(m);
  const setup = workerData as WorkerSetup;
  const rules = await loadRules(setup.rulePaths);
  const prepared = prepareRules(rules.detections, rules.correlations, setup.selection);
  const matcher = new RuleMatcher(prepared.compiled);
  port.on('message', (m: ToWorker) => {
    huntFile(m.file, matcher, {
      range: setup.range,
      format: setup.format,
      onSkip: (record) => send({ type: 'skip', record }),
      onWarning: (record) => send({ type: 'warning', record }),
      onMatches: (batch) => send({ type: 'matches', batch }),
      onProgress: (events, bytes) => send({ type: 'progress', events, bytes }),
    }).then(
      (totals) => send({ type: 'done', totals }),
      (e: unknown) => send({ type: 'error', message: (e as Error).stack ?? String(e) }),
    );
  });
  send({ type: 'ready' });
}

void serve();
