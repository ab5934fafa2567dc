/** Node only: the worker-thread entry of parallel.ts — parses the files it is given and posts the results. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFile } from './load.js';

parentPort?.postMessage((workerData as readonly string[]).map((f) => loadFile(f)));
