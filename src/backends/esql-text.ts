/** ES|QL literals and the WHERE expression of a base rule, shared by the dialect and its correlations. */
import { quoteElastic } from './eql-shared.js';

/** An ES|QL string literal (`\\ \" \n \r \t` escapes; other control characters stay raw). */
export function esqlString(text: string): string {
  return quoteElastic(text, (c) => String.fromCharCode(c));
}

/** The WHERE expression of a base rule: ECS category, scope conditions and the rule, AND-ed. */
export function esqlWhere(
  condition: string,
  scope: string | undefined,
  table: string | undefined,
  kind: string,
): string {
  const category = table ? `event.category == ${esqlString(table)}` : undefined;
  const parts = [category, scope].filter((x): x is string => !!x);
  if (!parts.length) return condition;
  return [...parts, kind === 'or' || kind === 'and' ? `(${condition})` : condition].join(' AND ');
}
