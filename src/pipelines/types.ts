/**
 * Processing pipelines as data. A pipeline maps a rule's log source to the target's table or scoping
 * conditions, renames fields, transforms values and marks fields a target cannot express. Built-ins are
 * written in this shape (pipelines/builtin/*.ts); users write the same shape in YAML.
 */
import type { Expr, Logsource } from '../ir/types.js';

/** A scalar or list used in a scoping condition; a list means any of. */
export type ScopeValue = string | number | boolean | readonly (string | number)[];

/** What a log source becomes on the target. */
export interface LogsourceSpec {
  /** Keys that must equal the rule's log source (unset keys match anything). */
  readonly match: Logsource;
  /** The table (KQL, SQL) or index/data set this log source lives in. */
  readonly table?: string;
  /** Field conditions that select the log source's events (EventID, sourcetype, event_simpleName...). */
  readonly conditions?: Readonly<Record<string, ScopeValue>>;
  /** Field renames valid for this log source only; they win over the pipeline-wide map. */
  readonly fields?: Readonly<Record<string, string | readonly string[]>>;
  /** Fields this log source cannot provide on the target, with the reason. */
  readonly unsupported?: Readonly<Record<string, string>>;
  /** Prefix for fields without a mapping here (wins over the pipeline's), e.g. `winlog.event_data.`. */
  readonly fieldPrefix?: string;
  /**
   * Fields computed by the target before filtering, name -> target-language expression (KQL
   * `| extend QueryName = tostring(parse_json(AdditionalFields).DnsQueryString)`). Map a Sigma field
   * to the derived name in `fields`; targets without derived fields report them unsupported.
   */
  readonly derived?: Readonly<Record<string, string>>;
}

/** A value transform applied after field mapping (see pipelines/transforms.ts). */
export type TransformSpec =
  /** `Hashes|contains: 'SHA256=ab..'` becomes `SHA256 = 'ab..'` using a per-algorithm field table. */
  | { readonly type: 'hashes'; readonly field: string; readonly algorithms: Readonly<Record<string, string>> }
  /** A path field matched on its file name only (`\x.exe` suffix) is rewritten to a basename field. */
  | {
      readonly type: 'basename';
      readonly field: string;
      readonly to: string;
      /** When the target only has the basename: any other use of the field is unsupported. */
      readonly strict?: boolean;
    }
  /** Windows drive paths (`C:\x`) rewritten to NT device paths (`\Device\HarddiskVolume?\x`), as EDRs log them. */
  | { readonly type: 'device_path'; readonly field: string }
  /** Values of a field are rewritten with a regex replace (e.g. `C:` to `\Device\HarddiskVolume?`). */
  | { readonly type: 'replace'; readonly field: string; readonly regex: string; readonly replacement: string }
  /** Exact values of a numeric column (`'4'`, `'0x3e7'`) become numbers; any other pattern is unsupported. */
  | { readonly type: 'number'; readonly field: string }
  /**
   * Exact values of a field are mapped through a table (e.g. Sysmon integrity levels); a list maps one
   * value to several OR-ed ones. Boolean matches are looked up as `true`/`false`. With `strict`, a value
   * missing from the table makes the rule unsupported instead of passing through unchanged.
   */
  | {
      readonly type: 'value_map';
      readonly field: string;
      readonly map: Readonly<Record<string, string | readonly string[]>>;
      readonly strict?: boolean;
    };

/** A named, composable pipeline. */
export interface PipelineSpec {
  readonly name: string;
  readonly description: string;
  /** Targets this pipeline is meant for (empty: any). */
  readonly targets?: readonly string[];
  /** Log source mappings, first match wins. */
  readonly logsources?: readonly LogsourceSpec[];
  /** When true, a rule whose log source matches no entry is unsupported. */
  readonly requireLogsource?: boolean;
  /** Pipeline-wide field renames (Sigma name -> target name, or several target names OR-ed). */
  readonly fields?: Readonly<Record<string, string | readonly string[]>>;
  /** When true, a field missing from every map is unsupported instead of passed through. */
  readonly strictFields?: boolean;
  /** Prefix for fields without a mapping (Sigma name kept behind it), e.g. `winlog.event_data.`. */
  readonly fieldPrefix?: string;
  /** Fields the target never has, with the reason. */
  readonly unsupported?: Readonly<Record<string, string>>;
  /**
   * The field holding the whole event as text (ECS `message`). When set, Sigma keywords — which match
   * anywhere in an event — become contains-matches on it, for targets that cannot search full text.
   */
  readonly keywordField?: string;
  readonly transforms?: readonly TransformSpec[];
  /** The event time column (e.g. `Timestamp`, `TimeGenerated`), used by correlations; the last pipeline setting it wins. */
  readonly timestamp?: string;
  /** Values for `%name%` placeholders of the `expand` modifier. */
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
}

/** Where a converted rule looks for events. */
export interface Scope {
  readonly table?: string;
  /** The event time column named by the pipelines, if any. */
  readonly timestamp?: string;
  /** Derived fields the rule reads (name -> target expression), in first-use order; absent when none. */
  readonly derived?: Readonly<Record<string, string>>;
  /** Scoping conditions in target field names, AND-ed with the rule (const true when none). */
  readonly conditions: Expr;
}

/** Something a target or pipeline cannot express, tied to the IR node that needs it. */
export interface Unsupported {
  readonly unsupported: string;
  readonly span?: import('../core/diagnostic.js').Span;
}

/** True for an Unsupported result. */
export function isUnsupported(x: unknown): x is Unsupported {
  return typeof x === 'object' && x !== null && 'unsupported' in x;
}
