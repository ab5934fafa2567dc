/** When the bin starts Node again with a V8 thread pool that fits the machine (src/cli/v8-pool.ts). */
import { describe, expect, it } from 'vitest';
import { type PoolContext, poolOption } from '../../src/cli/v8-pool.js';

const base: PoolContext = { cores: 2, command: 'convert', execArgv: [], nodeOptions: undefined, replaces: false };

describe('poolOption', () => {
  const cases: [string, Partial<PoolContext>, string | undefined][] = [
    ['a conversion on 2 cores: one helper', {}, '--v8-pool-size=1'],
    ['on 3 cores: two helpers', { cores: 3 }, '--v8-pool-size=2'],
    ['on 1 core: still one helper', { cores: 1 }, '--v8-pool-size=1'],
    ['on 4 cores Node’s four helpers fit', { cores: 4 }, undefined],
    ['on 16 cores', { cores: 16 }, undefined],
    ['test', { command: 'test' }, '--v8-pool-size=1'],
    ['check came out even', { command: 'check' }, undefined],
    ['a site of the pack lost', { command: 'site' }, undefined],
    ['a hunt where Node cannot replace the process (a parent would stay)', { command: 'hunt' }, undefined],
    ['a hunt where it can', { command: 'hunt', replaces: true }, '--v8-pool-size=1'],
    ['list ends quickly', { command: 'list' }, undefined],
    ['serve waits for requests', { command: 'serve' }, undefined],
    ['help', { command: '--help' }, undefined],
    ['no command', { command: undefined }, undefined],
    ['the restarted Node has the option', { execArgv: ['--v8-pool-size=1'] }, undefined],
    ['the user gave a size on the command line', { execArgv: ['--v8-pool-size=8'] }, undefined],
    ['or in NODE_OPTIONS', { nodeOptions: '--max-old-space-size=512 --v8-pool-size=2' }, undefined],
    ['other NODE_OPTIONS do not count', { nodeOptions: '--max-old-space-size=512' }, '--v8-pool-size=1'],
    ['a debugger is attached', { execArgv: ['--inspect-brk'] }, undefined],
    ['or asked for in NODE_OPTIONS', { nodeOptions: '--inspect=9230' }, undefined],
  ];
  it.each(cases)('%s', (_, context, expected) => {
    expect(poolOption({ ...base, ...context })).toBe(expected);
  });
});
