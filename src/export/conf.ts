/** Splunk .conf writing: stanzas of `key = value`, multi-line values continued with a trailing backslash. */

/** One .conf stanza. */
export interface Stanza {
  readonly name: string;
  readonly entries: readonly (readonly [string, string | number | boolean])[];
}

/** A value with newlines continued the .conf way (`\` at the end of each line but the last). */
export function confValue(value: string | number | boolean): string {
  return String(value).replace(/\r?\n/g, ' \\\n');
}

/** The text of a .conf file. */
export function confText(stanzas: readonly Stanza[], header = ''): string {
  const blocks = stanzas.map((s) => `[${s.name}]\n${s.entries.map(([k, v]) => `${k} = ${confValue(v)}`).join('\n')}\n`);
  return `${header}${blocks.join('\n')}`;
}
