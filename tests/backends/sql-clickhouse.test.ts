/** The SQL target for clickhouse executed in the real engine (see sql-suite.ts for what is checked). */
import { describe } from 'vitest';
import { clickhouseEngine } from './sql-engines.js';
import { sqlSuite } from './sql-suite.js';

describe('sql-clickhouse in the real engine', () => sqlSuite(clickhouseEngine));
