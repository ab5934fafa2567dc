/**
 * The people-facing table of `tripline hunt`: detections grouped by level (most severe first) and rule,
 * one row per event with time, host, source and the fields the rule reads. Keeps at most a fixed number of
 * rows per rule in memory; the rest are counted.
 */
import { levelRank } from '../engine/index.js';
import type { HuntRecord } from './hunt-output.js';

/** Rows kept per rule for the table. */
const ROWS_PER_RULE = 50;
/** Widest field summary in a row. */
const FIELDS_WIDTH = 160;

interface RuleGroup {
  readonly title: string;
  readonly id: string | null;
  readonly level: string | null;
  readonly kind: HuntRecord['type'];
  readonly rows: string[][];
  count: number;
}

/** Collects records and renders them as grouped tables. */
export class HuntTable {
  readonly #groups = new Map<string, RuleGroup>();

  /** Adds one record. */
  add(r: HuntRecord): void {
    const key = `${r.type}\u0000${r.rule_id ?? ''}\u0000${r.rule_title}`;
    let g = this.#groups.get(key);
    if (!g) {
      g = { title: r.rule_title, id: r.rule_id, level: r.level, kind: r.type, rows: [], count: 0 };
      this.#groups.set(key, g);
    }
    g.count++;
    if (g.rows.length < ROWS_PER_RULE) g.rows.push(row(r));
  }

  /** The rendered tables ('' when there is nothing to show). */
  render(): string {
    const groups = [...this.#groups.values()].sort(
      (a, b) => levelRank(b.level ?? undefined) - levelRank(a.level ?? undefined) || a.title.localeCompare(b.title),
    );
    const out: string[] = [];
    for (const g of groups) {
      const what = g.kind === 'correlation' ? 'correlation' : 'rule';
      out.push(
        `[${(g.level ?? 'unknown').toUpperCase()}] ${g.title}${g.id ? ` (${g.id})` : ''} - ${what}, ${g.count} detection${g.count === 1 ? '' : 's'}`,
      );
      out.push(...grid(['timestamp', 'host', 'source', 'details'], g.rows).map((l) => `  ${l}`));
      if (g.count > g.rows.length) out.push(`  ... and ${g.count - g.rows.length} more (use --format jsonl for all)`);
      out.push('');
    }
    return out.join('\n');
  }
}

function row(r: HuntRecord): string[] {
  if (r.type === 'correlation') {
    const group = Object.entries(r.group)
      .map(([k, v]) => `${k}=${v ?? ''}`)
      .join(' ');
    const where = r.events[0] ? source(r.events[0].file, r.events[0].record, r.events[0].line) : '';
    return [
      r.timestamp,
      r.events[0]?.host ?? '',
      where,
      clip(`${r.correlation_type}=${r.value} ${group} (${r.events.length} events)`),
    ];
  }
  const details = Object.entries(r.fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' | ');
  return [r.timestamp ?? '-', r.host ?? '-', source(r.file, r.record, r.line), clip(details)];
}

function source(file: string, record: number | null, line: number | null): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  if (record !== null) return `${base}#${record}`;
  return line !== null ? `${base}:${line}` : base;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > FIELDS_WIDTH ? `${one.slice(0, FIELDS_WIDTH - 3)}...` : one;
}

/** Left-aligned columns separated by two spaces, with a header row. */
export function grid(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: readonly string[]): string =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [fmt(header), ...rows.map(fmt)];
}
