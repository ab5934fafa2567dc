/**
 * JSON-schema validators for rule documents: the official Sigma schemas (read at run time, never copied
 * in) and tripline's own `tripline:` block schema. Each schema is compiled once per `compileSchemas` call.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SigmaDocumentKind } from '../../sigma/types.js';

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => void;

/** One schema violation with the path of the offending value inside the document. */
export interface SchemaError {
  readonly path: readonly (string | number)[];
  /** When the error is about a key (an unexpected or missing property), the key's name. */
  readonly key?: string;
  readonly message: string;
}

/** Validates a value found at `root` inside a document; returns its violations with full paths (empty when valid). */
export type SchemaValidator = (value: unknown, root?: readonly (string | number)[]) => readonly SchemaError[];

/** Validators per Sigma document kind. */
export type SchemaSet = Readonly<Record<SigmaDocumentKind, SchemaValidator>>;

/** Compiles JSON schemas (draft 2020-12 or earlier) into validators sharing one ajv instance. */
export function compileSchemas<K extends string>(schemas: Readonly<Record<K, object>>): Record<K, SchemaValidator> {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  const out = {} as Record<K, SchemaValidator>;
  for (const key of Object.keys(schemas) as K[]) {
    const { $schema: _ignored, $id: _id, ...schema } = schemas[key] as Record<string, unknown>;
    out[key] = wrap(ajv.compile(schema));
  }
  return out;
}

function wrap(fn: ValidateFunction): SchemaValidator {
  return (value, root = []) => (fn(value) ? [] : dedupe((fn.errors ?? []).map((e) => toSchemaError(e, root))));
}

/** Turns an ajv error into a path plus a message that says what to change. */
export function toSchemaError(e: ErrorObject, root: readonly (string | number)[] = []): SchemaError {
  const path = [
    ...root,
    ...e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
  ];
  const where = path.length === 0 ? 'the rule' : `\`${path.join('.')}\``;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path, key: undefined, message: `${where} is missing the required key \`${p.missingProperty}\`` };
    case 'additionalProperties':
      return {
        path,
        key: String(p.additionalProperty),
        message: `${where} has the unexpected key \`${p.additionalProperty}\`; remove it or fix its spelling`,
      };
    case 'enum':
      return { path, message: `${where} must be one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path, message: `${where} must be ${JSON.stringify(p.allowedValue)}` };
    default:
      return { path, message: `${where} ${e.message ?? 'is invalid'}` };
  }
}

/** oneOf/anyOf produce one error per branch; keep one message per path and text. */
function dedupe(errors: readonly SchemaError[]): SchemaError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path.join('/')}|${e.key ?? ''}|${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
