/** Node only: the worker-thread entry of parallel.ts — checks the chunk it is given and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkSetup, checkChunk } from './chunk.js';

parentPort?.postMessage(await checkChunk(workerData as ChunkSetup));
