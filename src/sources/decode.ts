/** Incremental text decoding of byte chunks, reporting invalid UTF-8 once instead of failing. */
import { isUtf8 } from 'node:buffer';

/** Text encodings the chunk decoder accepts. */
export type TextEncoding = 'utf-8' | 'utf-16le';

/** Decodes chunks to text; `end()` returns what is left. */
export interface ChunkDecoder {
  readonly write: (chunk: Buffer) => string;
  readonly end: () => string;
}

/** Length of the prefix of `b` that ends on a whole UTF-8 sequence (a split character stays for the next chunk). */
export function completeUtf8Length(b: Uint8Array): number {
  for (let i = b.length - 1; i >= 0 && i >= b.length - 4; i--) {
    const byte = b[i];
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + need > b.length ? i : b.length;
  }
  return b.length;
}

/** A chunk decoder; `onInvalid` is called once, the first time invalid UTF-8 is met (it is replaced by U+FFFD). */
export function createDecoder(encoding: TextEncoding, onInvalid: () => void): ChunkDecoder {
  if (encoding === 'utf-16le') {
    const d = new TextDecoder('utf-16le');
    return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
  }
  let carry: Buffer = Buffer.alloc(0);
  let reported = false;
  const check = (b: Buffer) => {
    if (!reported && !isUtf8(b)) {
      reported = true;
      onInvalid();
    }
  };
  return {
    write: (chunk) => {
      const all = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      const cut = completeUtf8Length(all);
      const whole = all.subarray(0, cut);
      carry = Buffer.from(all.subarray(cut));
      check(whole);
      return whole.toString('utf8');
    },
    end: () => {
      const rest = carry;
      carry = Buffer.alloc(0);
      if (rest.length > 0) check(rest);
      return rest.toString('utf8');
    },
  };
}
