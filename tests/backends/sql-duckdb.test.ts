/** The SQL target for duckdb executed in the real engine (see sql-suite.ts for what is checked). */
import { describe } from 'vitest';
import { duckdbEngine } from './sql-engines.js';
import { sqlSuite } from './sql-suite.js';

describe('sql-duckdb in the real engine', () => sqlSuite(duckdbEngine));
