/**
 * The JSON Schema of tripline's own rule metadata: the `tripline:` top-level block of a Sigma rule.
 * schemas/tripline-rule.schema.json is this object written out (a test keeps the two identical);
 * docs/rule-metadata.md explains every field.
 */

const testId = { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', description: 'Test id, unique within the rule' };

/** A test is a simulator scenario id (`tripline simulate --list`) or a test object with its own events. */
const testRef = {
  oneOf: [
    { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', description: 'A simulator scenario id' },
    { $ref: '#/$defs/test' },
  ],
};

const testCase = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: {
    id: { $ref: '#/$defs/testId' },
    description: { type: 'string' },
    events: {
      description: 'Events the test replays: a path (JSONL, EVTX) relative to the rule file, or inline events',
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', minItems: 1, items: { type: 'object' } },
      ],
    },
    technique: { type: 'string', pattern: '^T\\d{4}(\\.\\d{3})?$', description: 'ATT&CK technique the test simulates' },
    matches: { type: 'integer', minimum: 0, description: 'Exact number of matches expected (fire tests)' },
  },
};

/** The schema object (JSON Schema draft 2020-12). */
export const TRIPLINE_RULE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/tripline/tripline/schemas/tripline-rule.schema.json',
  title: 'tripline rule metadata',
  description: 'The `tripline:` block of a Sigma rule: how tripline documents, deploys, tunes and proves the rule.',
  type: 'object',
  additionalProperties: false,
  properties: {
    confidence: {
      enum: ['low', 'medium', 'high'],
      description: 'How sure a match is malicious, independent of `level` (impact)',
    },
    data_sources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['component', 'source'],
        additionalProperties: false,
        properties: {
          component: { type: 'string', minLength: 1, description: 'ATT&CK data component, e.g. Process Creation' },
          id: { type: 'string', pattern: '^DC\\d{4}$', description: 'ATT&CK data component id, e.g. DC0032' },
          source: { type: 'string', minLength: 1, description: 'The concrete log, e.g. Sysmon EventID 1' },
        },
      },
    },
    required_tables: {
      type: 'object',
      description: 'Per platform (backend name), the tables or indexes the query reads',
      propertyNames: { pattern: '^[a-z][a-z0-9_-]*$' },
      additionalProperties: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
    },
    false_positives: {
      type: 'array',
      items: {
        type: 'object',
        required: ['description'],
        additionalProperties: false,
        properties: {
          description: { type: 'string', minLength: 1 },
          tests: {
            type: 'array',
            items: { $ref: '#/$defs/testId' },
            description: 'Quiet tests that prove it is handled',
          },
        },
      },
    },
    tuning: {
      type: 'array',
      items: {
        type: 'object',
        required: ['description', 'filter'],
        additionalProperties: false,
        properties: {
          description: { type: 'string', minLength: 1 },
          filter: {
            description: 'A Sigma filter file (path relative to the rule) or an inline filter (searches + condition)',
            oneOf: [
              { type: 'string', pattern: '\\.ya?ml$' },
              { type: 'object', required: ['condition'], properties: { condition: { type: 'string' } } },
            ],
          },
        },
      },
    },
    investigation: { type: 'string', minLength: 1, description: 'Markdown: how to triage an alert' },
    hunting: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Markdown: hunting queries and pivots an analyst runs around an alert',
    },
    related: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', minLength: 1 },
      description: 'Ids (or names) of related tripline rules',
    },
    playbook: { type: 'string', minLength: 1, description: 'Markdown: how to respond once confirmed' },
    tests: {
      type: 'object',
      additionalProperties: false,
      properties: {
        fire: { type: 'array', items: { $ref: '#/$defs/testRef' }, description: 'Event sets the rule must match' },
        quiet: { type: 'array', items: { $ref: '#/$defs/testRef' }, description: 'Event sets the rule must not match' },
      },
    },
  },
  $defs: { testId, test: testCase, testRef },
} as const;
