/** BinXML tokens -> node tree, per chunk: names and compiled templates are cached by chunk offset. */

import { isMemoable } from './memo.js';
import {
  AttrNode,
  element,
  Fragment,
  InstanceNode,
  NO_NODES,
  SubNode,
  type SubValue,
  staticKeys,
  type Template,
  TemplateNode,
  TextNode,
  type XAttr,
  type XElement,
  type XNode,
} from './nodes.js';
import type { NameRef, TemplateCache } from './templates.js';
import { readUtf16 } from './text.js';
import { type ByteView, decodeArray, decodeScalar, unsizedLength, ValueType } from './values.js';

/** Deepest nesting of elements, fragments and templates accepted; deeper input is reported as corrupt. */
const MAX_DEPTH = 64;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Thrown inside the parser only; the chunk reader turns it into a problem and skips the record. */
export class BinXmlError extends Error {}

/** Parses the BinXML of one chunk's records; holds the chunk's name and template caches. */
export class ChunkParser {
  private pos = 0;
  /** Elements inside template definitions carry a u16 dependency id; direct record elements do not. */
  private inTemplate = false;
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, Template | null>();
  /**
   * Nodes of the lists being read, innermost last; each list is taken off as an exact-size array. Lists
   * grown by push keep spare capacity, and template trees live as long as their chunk.
   */
  private readonly stack: XNode[] = [];
  /** Positions of the name references read in the template definition being compiled; null: not cacheable. */
  private refs: number[] | null = null;

  /**
   * Binds the parser to one chunk's bytes (offsets in BinXML are relative to the chunk start); `shared` holds
   * the templates compiled by earlier chunks of the file.
   */
  constructor(
    private readonly src: ByteView,
    private readonly shared: TemplateCache | null = null,
  ) {}

  /** Parses the BinXML of a record occupying [start, end) of the chunk. */
  parseRecord(start: number, end: number): XNode[] {
    this.pos = start;
    this.inTemplate = false;
    this.refs = null;
    this.stack.length = 0; // a record that failed may have left nodes behind
    return this.readFragment(end, 0);
  }

  /** The nodes pushed since `start`, as an exact-size array. */
  private take(start: number): XNode[] {
    return this.stack.splice(start);
  }

  private fail(what: string): never {
    throw new BinXmlError(`${what} at chunk offset ${this.pos}`);
  }

  private readFragment(end: number, depth: number): XNode[] {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const { buf } = this.src;
    const { stack } = this;
    const start = stack.length;
    while (this.pos < end) {
      const token = buf[this.pos];
      if (token === 0x00) {
        this.pos++;
        break;
      }
      if (token === 0x0f) this.pos += 4;
      else if (token === 0x0c) stack.push(this.readInstance(end, depth + 1));
      else if ((token & 0xbf) === 0x01) stack.push(this.readElement(end, depth + 1));
      else stack.push(this.readValueToken(token & 0xbf));
    }
    return this.take(start);
  }

  private readElement(end: number, depth: number): XElement {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const { buf } = this.src;
    const token = buf[this.pos];
    this.pos += this.inTemplate ? 7 : 5; // token, [dependency id (u16)], data size (u32)
    const name = this.readName();
    if (token & 0x40) this.pos += 4; // attribute list size
    const attrs: XAttr[] = [];
    while (this.pos < end) {
      const t = buf[this.pos] & 0xbf;
      if (t === 0x06) {
        this.pos++;
        const attrName = this.readName();
        attrs.push(new AttrNode(attrName, this.readAttrParts(end)));
      } else if (t === 0x02) {
        this.pos++;
        const children = this.readContent(end, depth);
        return element(name, attrs, children, staticKeys(children));
      } else if (t === 0x03) {
        this.pos++;
        return element(name, attrs, NO_NODES, null);
      } else this.fail(`unexpected token 0x${t.toString(16)} in start element`);
    }
    return this.fail('start element runs past the end');
  }

  private readAttrParts(end: number): XNode[] {
    const start = this.stack.length;
    while (this.pos < end) {
      const t = this.src.buf[this.pos] & 0xbf;
      if (t !== 0x05 && t !== 0x0d && t !== 0x0e && t !== 0x07 && t !== 0x08 && t !== 0x09) break;
      this.stack.push(this.readValueToken(t));
    }
    return this.take(start);
  }

  private readContent(end: number, depth: number): XNode[] {
    const { buf } = this.src;
    const { stack } = this;
    const start = stack.length;
    while (this.pos < end) {
      const t = buf[this.pos] & 0xbf;
      if (t === 0x04) {
        this.pos++;
        return this.take(start);
      }
      if (t === 0x01) stack.push(this.readElement(end, depth + 1));
      else if (t === 0x0c) stack.push(this.readInstance(end, depth + 1));
      else if (t === 0x00) this.fail('end of stream inside an element');
      else stack.push(this.readValueToken(t));
    }
    return this.fail('element not closed');
  }

  /** Value text, substitutions, CDATA, character/entity references and processing instructions. */
  private readValueToken(t: number): XNode {
    const { buf, view } = this.src;
    const at = ++this.pos;
    switch (t) {
      case 0x05: {
        const type = buf[at];
        this.pos++;
        if (type === ValueType.String) return new TextNode(this.readPrefixedUtf16());
        const len = unsizedLength(this.src, type, this.pos);
        if (len < 0) this.fail(`unsupported value text type 0x${type.toString(16)}`);
        const v = decodeScalar(this.src, type, this.pos, len);
        this.pos += len;
        return new TextNode(v);
      }
      case 0x0d:
      case 0x0e:
        this.pos += 3;
        return new SubNode(view.getUint16(at, true), t === 0x0e);
      case 0x07:
        return new TextNode(this.readPrefixedUtf16());
      case 0x08:
        this.pos += 2;
        return new TextNode(String.fromCharCode(view.getUint16(at, true)));
      case 0x09: {
        const name = this.readName();
        return new TextNode(ENTITIES[name] ?? `&${name};`);
      }
      case 0x0a: {
        const target = this.readName();
        if (buf[this.pos] !== 0x0b) return new TextNode(`<?${target}?>`);
        this.pos++;
        return new TextNode(`<?${target} ${this.readPrefixedUtf16()}?>`);
      }
      case 0x0b:
        return new TextNode(`<?${this.readPrefixedUtf16()}?>`);
      default:
        return this.fail(`unknown token 0x${t.toString(16)}`);
    }
  }

  private readPrefixedUtf16(): string {
    const count = this.src.view.getUint16(this.pos, true);
    const start = this.pos + 2;
    this.pos = start + count * 2;
    if (this.pos > this.src.buf.length) this.fail('string runs past the chunk');
    return readUtf16(this.src.buf, start, count);
  }

  /** Reads a name reference; a name defined right here (offset == position) is skipped over. */
  private readName(): string {
    const off = this.src.view.getUint32(this.pos, true);
    if (this.refs !== null) this.refs.push(this.pos);
    this.pos += 4;
    let name = this.names.get(off);
    if (name === undefined) {
      const count = this.src.view.getUint16(off + 6, true);
      if (off + 8 + count * 2 > this.src.buf.length) this.fail('name runs past the chunk');
      name = readUtf16(this.src.buf, off + 8, count);
      this.names.set(off, name);
    }
    if (off === this.pos) this.pos += 10 + name.length * 2;
    return name;
  }

  private readInstance(end: number, depth: number): XNode {
    const { view } = this.src;
    const defOff = view.getUint32(this.pos + 6, true);
    this.pos += 10; // token, unknown byte, template id (u32), definition offset (u32)
    const tpl = this.templateAt(defOff, depth);
    if (defOff === this.pos) this.pos = defOff + 24 + view.getUint32(defOff + 20, true);
    const instance = new InstanceNode(tpl, this.readSubValues(end, depth, tpl));
    this.refs = null; // a template holding an instance refers to another definition by offset: not shared
    return instance;
  }

  private templateAt(defOff: number, depth: number): Template {
    const cached = this.templates.get(defOff);
    if (cached) return cached;
    if (cached === null) this.fail('template definition is corrupt or recursive');
    this.templates.set(defOff, null); // marks "in progress": a self-reference fails instead of looping
    const dataStart = defOff + 24;
    const dataEnd = dataStart + this.src.view.getUint32(defOff + 20, true);
    if (dataEnd > this.src.buf.length) this.fail('template definition runs past the chunk');
    const nodes = this.shared?.find(this.src, defOff, depth) ?? this.compileTemplate(defOff, dataEnd, depth);
    const tpl = new TemplateNode(nodes);
    this.templates.set(defOff, tpl);
    return tpl;
  }

  /** Parses a template definition's data; offers the tree to the file's cache when it can be shared. */
  private compileTemplate(defOff: number, dataEnd: number, depth: number): readonly XNode[] {
    const saved = this.pos;
    const savedIn = this.inTemplate;
    const savedRefs = this.refs;
    const refs: number[] = [];
    this.pos = defOff + 24;
    this.inTemplate = true;
    this.refs = refs;
    const nodes = this.readFragment(dataEnd, depth + 1);
    // Shared only when every byte read lies in the definition, bar names defined outside it.
    if (this.shared !== null && this.refs === refs && this.pos <= dataEnd) {
      this.shared.add(this.src, defOff, depth, this.nameRefs(refs, defOff + 24), nodes);
    }
    this.pos = saved;
    this.inTemplate = savedIn;
    this.refs = savedRefs;
    return nodes;
  }

  /** The name references of a compiled definition, relative to its data; names defined outside by value. */
  private nameRefs(refs: readonly number[], start: number): NameRef[] {
    const { view } = this.src;
    return refs.map((at) => {
      const target = view.getUint32(at, true);
      return { at: at - start, outside: target === at + 4 ? null : (this.names.get(target) ?? null) };
    });
  }

  private readSubValues(end: number, depth: number, tpl: Template): SubValue[] {
    const { buf, view } = this.src;
    const count = view.getUint32(this.pos, true);
    const descAt = this.pos + 4;
    if (count * 4 > end - descAt) this.fail('too many substitution values');
    let at = descAt + count * 4;
    const subs: SubValue[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const size = view.getUint16(descAt + i * 4, true);
      const type = buf[descAt + i * 4 + 2];
      if (at + size > end) this.fail('substitution value runs past the record');
      subs[i] = this.readMemoised(tpl, i, type, at, size, depth);
      at += size;
    }
    this.pos = at;
    return subs;
  }

  /** A substitution value, taken from the template's memo when its bytes repeat the slot's last ones. */
  private readMemoised(tpl: Template, slot: number, type: number, at: number, size: number, depth: number): SubValue {
    const { buf } = this.src;
    if (size === 0 || !isMemoable(buf, type, at, size)) return this.readSubValue(type, at, size, depth);
    const known = tpl.memo.find(this.src, slot, type, at, size);
    if (known !== undefined) return known;
    const value = this.readSubValue(type, at, size, depth) as string;
    tpl.memo.remember(slot, type, at, size, value);
    return value;
  }

  private readSubValue(type: number, at: number, size: number, depth: number): SubValue {
    if (type === ValueType.BinXml) {
      const saved = this.pos;
      const savedIn = this.inTemplate;
      this.pos = at;
      this.inTemplate = false;
      const nodes = this.readFragment(at + size, depth + 1);
      this.pos = saved;
      this.inTemplate = savedIn;
      return new Fragment(nodes);
    }
    if (type === ValueType.Null || size === 0) return type === ValueType.String ? '' : null;
    return type & ValueType.Array ? decodeArray(this.src, type, at, size) : decodeScalar(this.src, type, at, size);
  }
}
