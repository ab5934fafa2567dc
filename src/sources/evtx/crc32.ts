/** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as EVTX headers and chunks use it. */

import * as zlib from 'node:zlib';

/** zlib's native CRC-32 (Node >= 20.15); a table-driven fallback covers older runtimes. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues a CRC over bytes[start, end); pass the previous result to chain ranges (start with 0). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, previous = 0): number {
  const from = Math.max(0, start);
  const stop = Math.max(from, Math.min(end, bytes.length));
  if (nativeCrc32) return nativeCrc32(bytes.subarray(from, stop), previous) >>> 0;
  let crc = ~previous >>> 0;
  for (let i = from; i < stop; i++) crc = TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
