/** The SQL target for clickhouse executed in the real engine (see sql-suite.ts for what is checked). */
import { describe } from 'vitest';
import { CHDB_AVAILABLE, clickhouseEngine } from './sql-engines.js';
import { sqlSuite } from './sql-suite.js';

if (!CHDB_AVAILABLE) console.warn('skipping ClickHouse tests: chdb is not installed (npm install --no-save chdb)');
describe.skipIf(!CHDB_AVAILABLE)('sql-clickhouse in the real engine', () => sqlSuite(clickhouseEngine));
