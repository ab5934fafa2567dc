/** The SQL target for sqlite executed in the real engine (see sql-suite.ts for what is checked). */
import { describe } from 'vitest';
import { sqliteEngine } from './sql-engines.js';
import { sqlSuite } from './sql-suite.js';

describe('sql-sqlite in the real engine', () => sqlSuite(sqliteEngine));
