/** Reading search values for the detection-style checks. */
import type { RuleEntry } from '../../ruleset/types.js';
import { type ModifierChain, parseModifiers } from '../../sigma/modifiers.js';
import type { RawValue, Search, SearchItem } from '../../sigma/types.js';
import type { CheckContext } from '../types.js';
import { itemsOf } from '../util.js';

/** A field item whose modifiers are valid, with its parsed chain. */
export interface CheckedItem {
  readonly search: Search;
  readonly item: SearchItem;
  readonly chain: ModifierChain;
}

/** Every item of the rule's searches whose modifier chain is valid (invalid chains are reported by the parser). */
export function validItems(entry: RuleEntry, ctx: CheckContext): readonly CheckedItem[] {
  return ctx.cached(entry, 'valid-items', () =>
    itemsOf(entry.document).flatMap(({ search, item }) => {
      const { chain } = parseModifiers(item.modifiers);
      return chain ? [{ search, item, chain }] : [];
    }),
  );
}

/** True when the item's values are plain Sigma strings (wildcards apply): no re/cidr/compare/fieldref/exists. */
export function isPlainString(chain: ModifierChain): boolean {
  return chain.type === undefined && chain.datepart === undefined;
}

/** The string values of an item. */
export function stringValues(item: SearchItem): (RawValue & { value: string })[] {
  return item.values.filter((v): v is RawValue & { value: string } => typeof v.value === 'string');
}
