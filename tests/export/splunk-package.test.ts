/** The Splunk app: the .tgz holds the app's files under its folder; searches end with the rule's tuning macro. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import { packSplunk } from '../../src/cli/export.js';
import { confText } from '../../src/export/conf.js';
import { SPLUNK_APP } from '../../src/export/splunk.js';
import { writeExport } from '../../src/export/write.js';
import { exportTo, fixtureRules } from './helpers.js';

describe('splunk app package', () => {
  it('lists app.conf, savedsearches.conf, macros.conf and default.meta', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tripline-splunk-'));
    try {
      writeExport(dir, exportTo(await fixtureRules(), 'splunk'));
      const file = await packSplunk(dir);
      const entries: string[] = [];
      await tar.list({ file, onReadEntry: (e) => entries.push(e.path) });
      expect(entries.filter((e) => !e.endsWith('/')).sort()).toEqual(
        ['default/app.conf', 'default/macros.conf', 'default/savedsearches.conf', 'metadata/default.meta'].map(
          (f) => `${SPLUNK_APP}/${f}`,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every saved search calls a macro that macros.conf defines', async () => {
    const r = exportTo(await fixtureRules(), 'splunk');
    const text = (p: string) => r.files.find((f) => f.path.endsWith(p))?.content ?? '';
    const called = [...text('savedsearches.conf').matchAll(/^search = .*\| `(\w+)`$/gm)].map((m) => m[1]);
    const defined = [...text('macros.conf').matchAll(/^\[(\w+)\]$/gm)].map((m) => m[1]);
    expect(called.length).toBe(4);
    expect(called.sort()).toEqual(defined.sort());
    expect(text('savedsearches.conf')).toMatch(/^cron_schedule = \*\/5 \* \* \* \*$/m);
    expect(text('savedsearches.conf')).toMatch(/^dispatch.earliest_time = -10m$/m);
  });
});

describe('.conf text', () => {
  it('continues multi-line values with a trailing backslash', () => {
    expect(confText([{ name: 's', entries: [['search', 'a\n| b\n| c']] }])).toBe('[s]\nsearch = a \\\n| b \\\n| c\n');
  });
});
