/** Writer side of BinXML: element tree -> template definition (once per chunk) + template instance values. */

import type { WElement, WLeaf } from './writer-tree.js';
import { type EncodedValue, encodeValue, utf16Bytes } from './writer-values.js';

/** A growable little-endian byte buffer; `base` is the chunk offset of byte 0 (BinXML offsets are chunk-relative). */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;

  /** Starts a buffer whose first byte will sit at chunk offset `base`. */
  constructor(readonly base: number) {}

  private room(n: number): number {
    if (this.length + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    const at = this.length;
    this.length += n;
    return at;
  }

  /** Appends one byte. */
  u8(v: number): void {
    const at = this.room(1); // reserve first: room() may swap the buffer
    this.buf[at] = v;
  }
  /** Appends a u16. */
  u16(v: number): void {
    const at = this.room(2);
    this.view.setUint16(at, v, true);
  }
  /** Appends a u32; returns its position so it can be patched. */
  u32(v: number): number {
    const at = this.room(4);
    this.view.setUint32(at, v, true);
    return at;
  }
  /** Appends a u64. */
  u64(v: bigint): void {
    const at = this.room(8);
    this.view.setBigUint64(at, v, true);
  }
  /** Appends raw bytes. */
  bytes(b: Uint8Array): void {
    const at = this.room(b.length);
    this.buf.set(b, at);
  }
  /** Overwrites a u32 written earlier. */
  patch32(at: number, v: number): void {
    this.view.setUint32(at, v, true);
  }
  /** Chunk offset of the next byte. */
  get here(): number {
    return this.base + this.length;
  }
  /** The bytes written so far. */
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Names and templates already defined in the chunk being filled, by chunk offset. */
export interface ChunkDefs {
  readonly names: Map<string, number>;
  readonly templates: Map<string, { readonly offset: number; readonly id: number }>;
}

/** The 16-bit name hash Windows stores beside each name (multiplier 65599). */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

/** Template key: the element structure and literals, not the substituted values. */
function signature(el: WElement): string {
  const attrs = el.attrs.map((a) => `${a.name}=${a.leaf.literal ? JSON.stringify(a.leaf.value) : '%'}`).join(' ');
  return `<${el.name} ${attrs}>${el.text ? '%' : ''}${el.children.map(signature).join('')}</>`;
}

/** Substitution values in template order (attributes, then text, then children, depth first). */
function collectLeaves(el: WElement, out: EncodedValue[]): void {
  for (const a of el.attrs) if (!a.leaf.literal) out.push(encodeValue(a.name, a.leaf.value));
  if (el.text) out.push(encodeValue(el.name, el.text.value));
  for (const c of el.children) collectLeaves(c, out);
}

/** Writes a record's BinXML (fragment header, template instance, values, end of stream) into `w`. */
export function writeRecordBinXml(w: ByteWriter, root: WElement, defs: ChunkDefs): void {
  const values: EncodedValue[] = [];
  collectLeaves(root, values);
  const sig = signature(root);
  w.bytes(Uint8Array.of(0x0f, 0x01, 0x01, 0x00, 0x0c, 0x01));
  const known = defs.templates.get(sig);
  if (known) {
    w.u32(known.id);
    w.u32(known.offset);
  } else {
    const id = templateId(sig);
    w.u32(id);
    const offset = w.here + 4;
    w.u32(offset);
    writeTemplateDefinition(w, root, values, defs, id);
    defs.templates.set(sig, { offset, id });
  }
  w.u32(values.length);
  for (const v of values) {
    w.u16(v.bytes.length);
    w.u8(v.type);
    w.u8(0);
  }
  for (const v of values) w.bytes(v.bytes);
  w.u8(0x00);
}

function templateId(sig: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < sig.length; i++) h = Math.imul(h ^ sig.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function writeTemplateDefinition(w: ByteWriter, root: WElement, values: EncodedValue[], defs: ChunkDefs, id: number) {
  w.u32(0); // next template in the same hash bucket, linked by the chunk writer
  const guid = new Uint8Array(16);
  new DataView(guid.buffer).setUint32(0, id, true); // Windows' template id is the GUID's first 4 bytes
  guid.set(utf16Bytes('tripline').subarray(0, 12), 4);
  w.bytes(guid);
  const sizeAt = w.u32(0);
  const start = w.length;
  w.bytes(Uint8Array.of(0x0f, 0x01, 0x01, 0x00));
  writeElement(w, root, { next: 0, values }, defs);
  w.u8(0x00);
  w.patch32(sizeAt, w.length - start);
}

function writeElement(w: ByteWriter, el: WElement, subs: { next: number; values: EncodedValue[] }, defs: ChunkDefs) {
  w.u8(el.attrs.length > 0 ? 0x41 : 0x01);
  w.u16(0xffff); // dependency identifier: none
  const sizeAt = w.u32(0);
  writeName(w, el.name, defs);
  const attrSizeAt = el.attrs.length > 0 ? w.u32(0) : -1;
  const attrStart = w.length;
  el.attrs.forEach((a, i) => {
    w.u8(i < el.attrs.length - 1 ? 0x46 : 0x06); // 0x40: more attributes follow
    writeName(w, a.name, defs);
    writeLeaf(w, a.leaf, subs);
  });
  if (attrSizeAt >= 0) w.patch32(attrSizeAt, w.length - attrStart);
  if (!el.text && el.children.length === 0) w.u8(0x03);
  else {
    w.u8(0x02);
    if (el.text) writeLeaf(w, el.text, subs);
    for (const c of el.children) writeElement(w, c, subs, defs);
    w.u8(0x04);
  }
  w.patch32(sizeAt, w.length - sizeAt - 4);
}

function writeLeaf(w: ByteWriter, leaf: WLeaf, subs: { next: number; values: EncodedValue[] }) {
  if (leaf.literal) {
    const s = String(leaf.value);
    w.bytes(Uint8Array.of(0x05, 0x01));
    w.u16(s.length);
    w.bytes(utf16Bytes(s));
    return;
  }
  const index = subs.next++;
  w.u8(0x0e); // optional substitution: a null value leaves the attribute or content out
  w.u16(index);
  w.u8(subs.values[index].type);
}

/** A name reference; the first use in a chunk defines the name inline (offset == position). */
function writeName(w: ByteWriter, name: string, defs: ChunkDefs): void {
  const known = defs.names.get(name);
  if (known !== undefined) {
    w.u32(known);
    return;
  }
  const offset = w.here + 4;
  w.u32(offset);
  w.u32(0); // next name in the same string-table bucket, linked by the chunk writer
  w.u16(nameHash(name));
  w.u16(name.length);
  w.bytes(utf16Bytes(name));
  w.u16(0);
  defs.names.set(name, offset);
}
