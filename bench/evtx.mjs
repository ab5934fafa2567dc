// EVTX parser benchmark: tripline's reader vs libevtx's evtxexport on the sample corpus and on a large file.
// The large-file ratio compares fresh processes on both sides (median of three, alternating); in-process
// passes over the same file are reported beside it. Usage: npm run build && node bench/evtx.mjs
// [--size-mb 150]. Prints one JSON summary on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEvtx, readEvtxFile, readEvtxFileChunks, writeEvtx } from '../dist/sources/evtx/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const samples = resolve(root, '../shared/samples/evtx');
const sizeArg = process.argv.indexOf('--size-mb');
const targetMb = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 150;
const haveEvtxexport = spawnSync('evtxexport', ['-V']).status === 0;

function listEvtx(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e);
      return statSync(p).isDirectory() ? listEvtx(p) : e.endsWith('.evtx') ? [p] : [];
    });
}

function timeEvtxexport(files) {
  const t = performance.now();
  for (const f of files) spawnSync('evtxexport', ['-f', 'xml', f], { stdio: 'ignore' });
  return (performance.now() - t) / 1000;
}

/** Parses in-memory files, touching every record so nothing is optimised away. */
function parseAll(buffers) {
  let records = 0;
  let fields = 0;
  const t = performance.now();
  for (const b of buffers) {
    for (const r of readEvtx(b).records) {
      records++;
      fields += Object.keys(r.event.Event).length;
    }
  }
  return { records, fields, seconds: (performance.now() - t) / 1000 };
}

function corpus() {
  if (!existsSync(samples)) return null;
  const files = listEvtx(samples);
  const buffers = files.map((f) => readFileSync(f));
  const mb = buffers.reduce((s, b) => s + b.length, 0) / 2 ** 20;
  parseAll(buffers); // warm-up
  const ours = parseAll(buffers);
  const theirs = haveEvtxexport ? timeEvtxexport(files) : null;
  return {
    files: files.length,
    mb: +mb.toFixed(1),
    records: ours.records,
    seconds: +ours.seconds.toFixed(3),
    recordsPerSecond: Math.round(ours.records / ours.seconds),
    mbPerSecond: +(mb / ours.seconds).toFixed(1),
    evtxexportSeconds: theirs && +theirs.toFixed(3),
    ratio: theirs && +(theirs / ours.seconds).toFixed(2),
    buffers,
  };
}

/** Writes a large EVTX by re-emitting the corpus records (or synthetic ones) with the writer. */
function makeLarge(buffers) {
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'evtx-large.evtx');
  const events = (buffers ?? []).flatMap((b) => readEvtx(b).records.map((r) => r.event));
  const block = writeEvtx(events.length > 0 ? events : [{ Event: { System: { EventID: 1 } } }]);
  const body = block.subarray(4096);
  const copies = Math.max(1, Math.round((targetMb * 2 ** 20) / body.length));
  const size = 4096 + body.length * copies;
  // Deterministic content: a file of the right size from an earlier run is reused, not written again
  // (.bench/ may hold links to another checkout's inputs).
  if (existsSync(path) && statSync(path).size === size) return { path, mb: size / 2 ** 20 };
  const out = Buffer.alloc(size);
  Buffer.from(block.subarray(0, 4096)).copy(out, 0);
  for (let i = 0; i < copies; i++) Buffer.from(body).copy(out, 4096 + i * body.length);
  writeFileSync(path, out); // header chunk count is stale past 65535 chunks; readers scan to the end anyway
  return { path, mb: out.length / 2 ** 20 };
}

/**
 * Wall seconds of a fresh `node` process that reads every record of `path` (start-up included, as for
 * evtxexport), through the streaming API `tripline hunt` uses (streamEvtxFileChunks: one step per 64 KiB chunk,
 * its records parsed as they are iterated; readEvtxFile's one await per record costs ~0.1 s more here).
 */
function timeFreshParse(path) {
  const reader = new URL('../dist/sources/evtx/index.js', import.meta.url).href;
  const script = `const { streamEvtxFileChunks } = await import(${JSON.stringify(reader)}); let n = 0;
    for await (const batch of streamEvtxFileChunks(${JSON.stringify(path)}))
      for (const r of batch) if (r.recordId > 0) n++;
    console.log(n);`;
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { seconds: (performance.now() - t) / 1000, records: Number(run.stdout.trim()) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function large(buffers) {
  const { path, mb } = makeLarge(buffers);
  let inProcessRecords = 0;
  const t = performance.now();
  for await (const r of readEvtxFile(path)) if (r.recordId > 0) inProcessRecords++;
  const inProcessSeconds = (performance.now() - t) / 1000;
  let batched = 0;
  const tb = performance.now();
  for await (const batch of readEvtxFileChunks(path)) batched += batch.length;
  const batchSeconds = (performance.now() - tb) / 1000;
  // The headline: both sides as fresh processes, alternating, median of three (evtxexport alone swings by
  // 2x on this shared host, so one run each made the ratio a lottery).
  const ours = [];
  const theirRuns = [];
  let records = 0;
  for (let round = 0; round < 3; round++) {
    const fresh = timeFreshParse(path);
    ours.push(fresh.seconds);
    records = fresh.records;
    if (haveEvtxexport) theirRuns.push(timeEvtxexport([path]));
  }
  const seconds = median(ours);
  const theirs = haveEvtxexport ? median(theirRuns) : null;
  return {
    chunkBatches: {
      records: batched,
      seconds: +batchSeconds.toFixed(2),
      recordsPerSecond: Math.round(batched / batchSeconds),
      ratio: theirs && +(theirs / batchSeconds).toFixed(2),
    },
    inProcess: { records: inProcessRecords, seconds: +inProcessSeconds.toFixed(2) },
    mb: +mb.toFixed(1),
    records,
    seconds: +seconds.toFixed(2),
    secondsRuns: ours.map((x) => +x.toFixed(2)),
    evtxexportRuns: theirRuns.map((x) => +x.toFixed(2)),
    recordsPerSecond: Math.round(records / seconds),
    mbPerSecond: +(mb / seconds).toFixed(1),
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    evtxexportSeconds: theirs && +theirs.toFixed(2),
    ratio: theirs && +(theirs / seconds).toFixed(2),
  };
}

const c = corpus();
const big = await large(c?.buffers);
if (c) delete c.buffers;
console.log(JSON.stringify({ node: process.version, evtxexport: haveEvtxexport, corpus: c, large: big }, null, 2));
