/** The queries of a rule for every registered target: one tab per target, a pipeline choice per tab. */
import type { SiteDiagnostic, TargetQueries } from '../../../src/site/types.js';
import { Code, CopyButton, download } from './code.js';
import { Tabs } from './tabs.js';

/** Diagnostics as a list, with line:column. */
export function DiagnosticList({ items, label }: { items: readonly SiteDiagnostic[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <ul class="diags" aria-label={label}>
      {items.map((d) => (
        <li class={`diag diag-${d.severity}`} key={`${d.line}:${d.column}:${d.code}:${d.message}`}>
          <span class="diag-pos">
            {d.line}:{d.column}
          </span>{' '}
          <span class="diag-sev">{d.severity}</span> <code>{d.code}</code> {d.message}
        </li>
      ))}
    </ul>
  );
}

/** The query tabs. `tab` and `option` come from the URL so each tab and pipeline has a permalink. */
export function QueryTabs(props: {
  targets: readonly TargetQueries[];
  tab: string | undefined;
  option: number;
  onChange: (tab: string, option: number) => void;
  fileBase: string;
  idPrefix: string;
}) {
  const { targets, onChange } = props;
  if (targets.length === 0) return <p class="muted">No query targets are registered in this build of tripline.</p>;
  const current = targets.find((t) => t.name === props.tab) ?? targets[0];
  const optionIndex = props.option >= 0 && props.option < current.options.length ? props.option : 0;
  const opt = current.options[optionIndex];
  const tabs = targets.map((t) => ({
    id: t.name,
    label: t.name,
    note: t.options.every((o) => o.queries.length === 0) ? '(unsupported)' : undefined,
  }));
  const text = opt ? opt.queries.join('\n\n') : '';
  return (
    <Tabs
      tabs={tabs}
      selected={current.name}
      onSelect={(id) => onChange(id, 0)}
      label="Query targets"
      idPrefix={props.idPrefix}
    >
      <div class="target-head">
        <strong>{current.title}</strong>
        {current.options.length > 1 ? (
          <label class="inline">
            Pipeline{' '}
            <select
              value={String(optionIndex)}
              onChange={(e) => onChange(current.name, Number((e.target as HTMLSelectElement).value))}
            >
              {current.options.map((o, i) => (
                <option value={String(i)} key={o.label}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span class="muted">pipeline: {opt?.label ?? 'none'}</span>
        )}
      </div>
      {opt && opt.errors.length > 0 ? (
        <div class="callout error" role="note">
          <p>This target cannot express the rule with this pipeline:</p>
          <DiagnosticList items={opt.errors} label="Unsupported constructs" />
        </div>
      ) : null}
      {opt && opt.warnings.length > 0 ? <DiagnosticList items={opt.warnings} label="Conversion notes" /> : null}
      {opt?.queries.map((q, i) => (
        <Code key={`${current.name}-${i}`} code={q} lang={current.highlight} label={`${current.name} query`} />
      ))}
      {text ? (
        <div class="actions">
          <CopyButton text={text} label={`Copy the ${current.name} query`} />
          <button
            type="button"
            class="btn"
            onClick={() => download(`${props.fileBase}.${current.name}.txt`, `${text}\n`)}
          >
            Download query
          </button>
        </div>
      ) : null}
    </Tabs>
  );
}
