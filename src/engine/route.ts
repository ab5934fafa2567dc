/**
 * Routing by log source: a rule only sees events whose log source matches the keys the rule names
 * (product, category, service; a key the rule leaves out accepts anything). Compared case-insensitively.
 */
import type { Logsource } from '../ir/types.js';
import type { EventLogsource } from '../sources/event.js';

const KEYS = ['product', 'category', 'service'] as const;

/** True when an event with log source `ev` is in scope for a rule with log source `rule`. */
export function logsourceAccepts(rule: Logsource, ev: EventLogsource): boolean {
  for (const k of KEYS) {
    const want = rule[k];
    if (want === undefined) continue;
    const have = ev[k];
    if (have === undefined || have.toLowerCase() !== want.toLowerCase()) return false;
  }
  return true;
}

/** The routing key of an event log source (events with equal keys see the same rules). */
export function logsourceKey(ev: EventLogsource): string {
  return `${ev.product ?? ''}\u0000${ev.category ?? ''}\u0000${ev.service ?? ''}`;
}

/** `product/category/service` for messages. */
export function describeLogsource(ls: Logsource | EventLogsource): string {
  return KEYS.map((k) => ls[k] ?? '*').join('/');
}
