/** The Sigma field taxonomy (shape of SigmaHQ's logsource.json): which fields each log source defines. */
import type { Logsource } from '../../ir/types.js';

type FieldLists = Readonly<Record<string, readonly string[]>>;

interface ProductEntry {
  readonly common?: readonly string[];
  readonly category?: FieldLists;
  readonly service?: FieldLists;
}

/** What the taxonomy knows about one log source. */
export interface LogsourceFields {
  /** The fields defined for it, or undefined when the taxonomy lists none (so nothing can be judged). */
  readonly fields?: ReadonlySet<string>;
  /** Parts of the log source the taxonomy does not know, e.g. `category 'proces_creation'`. */
  readonly unknown: readonly string[];
}

/** Field lists per product/category/service. */
export interface FieldTaxonomy {
  readonly version: string;
  readonly lookup: (logsource: Logsource) => LogsourceFields;
}

/** Builds the taxonomy from the parsed logsource.json value. */
export function buildTaxonomy(json: unknown): FieldTaxonomy {
  const root = (json ?? {}) as {
    version?: string;
    legit?: Record<string, ProductEntry>;
    addon?: Record<string, ProductEntry>;
  };
  const legit = root.legit ?? {};
  const addon = root.addon ?? {};
  const lookup = (ls: Logsource): LogsourceFields => {
    const product = ls.product ?? 'empty';
    const entry = legit[product];
    if (!entry) return { unknown: ls.product ? [`product '${ls.product}'`] : [] };
    const extra = addon[product] ?? {};
    const unknown: string[] = [];
    const lists: (readonly string[] | undefined)[] = [];
    let specific = 0;
    for (const kind of ['category', 'service'] as const) {
      const name = ls[kind];
      if (name === undefined) continue;
      const list = entry[kind]?.[name];
      if (list === undefined) unknown.push(`${kind} '${name}'`);
      specific += list?.length ?? 0;
      lists.push(list, extra[kind]?.[name]);
    }
    if (specific === 0 || unknown.length > 0) return { unknown };
    const fields = new Set<string>([...(entry.common ?? []), ...(extra.common ?? [])]);
    for (const l of lists) for (const f of l ?? []) fields.add(f);
    return { fields, unknown };
  };
  return Object.freeze({ version: String(root.version ?? 'unknown'), lookup });
}
