/**
 * Validates the `tripline:` block against schemas/tripline-rule.schema.json, then what a schema cannot say:
 * test ids are unique and every false positive points at an existing quiet test.
 */
import type { RuleEntry } from '../../ruleset/types.js';
import { compileSchemas, type SchemaValidator } from '../data/schemas.js';
import type { Emit, RuleCheck } from '../types.js';
import { valueSpan } from '../util.js';
import { TRIPLINE_RULE_SCHEMA } from './tripline-schema.js';

/** Compiles the tripline schema (once per call; the runner calls it once per run). */
export function compileTriplineSchema(): SchemaValidator {
  return compileSchemas({ tripline: TRIPLINE_RULE_SCHEMA as unknown as object }).tripline;
}

function checkTestIds(entry: RuleEntry, block: Record<string, unknown>, emit: Emit): void {
  const tests = (block.tests ?? {}) as Record<string, unknown>;
  const ids = new Map<string, string>();
  for (const kind of ['fire', 'quiet']) {
    const list = Array.isArray(tests[kind]) ? (tests[kind] as Record<string, unknown>[]) : [];
    list.forEach((t, i) => {
      const id = t && typeof t.id === 'string' ? t.id : undefined;
      if (!id) return;
      if (ids.has(id))
        emit(valueSpan(entry, ['tripline', 'tests', kind, i, 'id']), `test id '${id}' is used twice; make it unique`);
      ids.set(id, kind);
    });
  }
  const fps = Array.isArray(block.false_positives) ? (block.false_positives as Record<string, unknown>[]) : [];
  fps.forEach((fp, i) => {
    const refs = fp && Array.isArray(fp.tests) ? fp.tests : [];
    refs.forEach((ref, j) => {
      if (typeof ref !== 'string' || ids.has(ref)) return;
      emit(
        valueSpan(entry, ['tripline', 'false_positives', i, 'tests', j]),
        `false positive refers to test '${ref}', which is not in tripline.tests`,
      );
    });
  });
}

/** Reports a `tripline:` block that breaks the schema, repeats a test id or cites a missing test. */
export const triplineMetadata: RuleCheck = {
  name: 'tripline-metadata',
  help: 'fix the `tripline:` block as described in docs/rule-metadata.md',
  scope: 'rule',
  run(entry, ctx, emit) {
    const block = entry.document.data.tripline;
    if (block === undefined) return;
    for (const e of ctx.triplineSchema(block, ['tripline'])) {
      const path = e.key ? [...e.path, e.key] : e.path;
      emit(valueSpan(entry, path, e.key !== undefined), e.message);
    }
    if (block && typeof block === 'object' && !Array.isArray(block))
      checkTestIds(entry, block as Record<string, unknown>, emit);
  },
};
