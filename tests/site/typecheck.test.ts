/**
 * The front-end (site/, Preact + DOM types) is type-checked here: `npm run typecheck` covers src/ only and Vite
 * strips types without checking them.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { REPO } from './harness.js';

it('site/ type-checks with site/tsconfig.json', () => {
  const file = join(REPO, 'site/tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    file,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error(`cannot read ${file}`);
  const program = ts.createProgram(config.fileNames, config.options);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const name = d.file ? d.file.fileName.replace(`${REPO}/`, '') : '';
    return `${name}:${where ? where.line + 1 : 0}:${where ? where.character + 1 : 0}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(problems).toEqual([]);
});
