/**
 * "Try it": runs the rule in the browser with the real engine over its simulated telemetry (or pasted JSON
 * lines) and highlights the events and fields that match. The compiler chunk loads on first use.
 */
import { useState } from 'preact/hooks';
import type { SiteEvent } from '../../../src/site/types.js';
import type { RunResult } from '../core.js';

/** Events as JSON lines for the text box. */
export function eventsToLines(events: readonly SiteEvent[]): string {
  return events
    .map((e) =>
      JSON.stringify({ logsource: e.logsource, fields: e.fields, ...(e.timestamp ? { timestamp: e.timestamp } : {}) }),
    )
    .join('\n');
}

/** Per test: did it give its expected signal (a fire test needs one matching event, a quiet test none)? */
export function TestVerdicts(props: { events: readonly SiteEvent[]; result: RunResult; correlation?: string }) {
  const { events, result, correlation } = props;
  const tests = new Map<string, { expect: string; hits: number }>();
  for (const m of result.matches) {
    const e = events[m.index];
    if (!e.expect) continue;
    const t = tests.get(e.test) ?? { expect: e.expect, hits: 0 };
    if (!correlation && m.rules.length > 0) t.hits++;
    tests.set(e.test, t);
  }
  // A correlation rule's signal is the correlation firing, not its base rules matching.
  for (const c of correlation ? result.correlations.filter((x) => x.title === correlation) : []) {
    const t = tests.get(events[c.events[0]]?.test ?? '');
    if (t) t.hits++;
  }
  const unit = correlation ? 'correlation firing' : 'matching event';
  if (tests.size === 0) return null;
  return (
    <ul class="verdicts">
      {[...tests.entries()].map(([id, t]) => {
        const ok = t.expect === 'fire' ? t.hits > 0 : t.hits === 0;
        return (
          <li key={id} data-test={id} data-ok={ok ? 'yes' : 'no'} class={ok ? 'pass' : 'fail'}>
            {ok ? '✓' : '✗'} <code>{id}</code>: expected to {t.expect === 'fire' ? 'fire' : 'stay quiet'}, {t.hits}{' '}
            {unit}
            {t.hits === 1 ? '' : 's'}
          </li>
        );
      })}
    </ul>
  );
}

/** The result table: one row per event, matched fields marked. */
export function MatchTable({ events, result }: { events: readonly SiteEvent[]; result: RunResult }) {
  const anyHit = result.matches.some((m) => m.rules.length > 0);
  const [all, setAll] = useState(!anyHit);
  const rows = all ? result.matches : result.matches.filter((m) => m.rules.length > 0);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (axe scrollable-region-focusable)
    <section class="table-wrap" tabIndex={0} aria-label="Matching events (scrolls sideways)">
      <label class="inline check">
        <input type="checkbox" checked={all} onChange={(e) => setAll((e.target as HTMLInputElement).checked)} /> Show
        events that do not match too
      </label>
      <table class="matches">
        <caption>
          {result.matches.filter((m) => m.rules.length > 0).length} of {events.length} events match
          {result.correlations.length > 0
            ? `; correlations fired: ${result.correlations.map((c) => c.title).join(', ')}`
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Test</th>
            <th scope="col">Verdict</th>
            <th scope="col">Fields (matched conditions marked)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const e = events[m.index];
            const hit = m.rules.length > 0;
            return (
              <tr key={m.index} class={hit ? 'hit' : 'miss'} data-match={hit ? 'yes' : 'no'}>
                <td>{m.index + 1}</td>
                <td>
                  {e.test}
                  {e.expect ? <span class="muted"> (expects {e.expect})</span> : null}
                </td>
                <td>
                  <strong>{hit ? 'match' : 'no match'}</strong>
                </td>
                <td>
                  <dl class="fields">
                    {Object.entries(e.fields).map(([k, v]) => (
                      <div key={k} class={m.fields.includes(k) ? 'field matched' : 'field'}>
                        <dt>{m.fields.includes(k) ? <mark>{k}</mark> : k}</dt>
                        <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The panel on a detection page. */
export function TryIt(props: {
  ruleText: string;
  companions: Readonly<Record<string, string>>;
  /** Sigma filter files that apply to the rule (its opt-in tuning). */
  filters: Readonly<Record<string, string>>;
  telemetry: readonly SiteEvent[];
  logsource: Readonly<Record<string, string>>;
  /** The title of the page's rule when it is a correlation (its signal is the correlation firing). */
  correlation?: string;
}) {
  const [text, setText] = useState(() => eventsToLines(props.telemetry));
  const filterCount = Object.keys(props.filters).length;
  const [tuned, setTuned] = useState(filterCount > 0);
  const [out, setOut] = useState<{ events: SiteEvent[]; result: RunResult; problems: string[] } | string | undefined>();
  const run = async () => {
    setOut('running');
    const core = await import('../core.js');
    const { events, problems } = core.parseEventLines(text, props.logsource);
    // Unedited telemetry keeps its test names and expected signals.
    const labelled = text === eventsToLines(props.telemetry) ? [...props.telemetry] : events;
    const { ruleSet } = core.analyse(props.ruleText, { ...props.companions, ...(tuned ? props.filters : {}) });
    setOut({ events: labelled, result: core.runByTest(ruleSet, labelled), problems });
  };
  return (
    <div class="try-it">
      <p>
        {props.telemetry.length > 0
          ? `Runs this rule with tripline's engine, in your browser, over ${props.telemetry.length} simulated events of its tests. Edit or paste JSON lines to try your own.`
          : 'Paste events as JSON lines ({"fields": {...}} or a flat object of Sigma field names) and run this rule over them in your browser.'}
      </p>
      <label for="tryit-events">Events (JSON lines)</label>
      <textarea
        id="tryit-events"
        rows={6}
        value={text}
        spellcheck={false}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <div class="actions">
        <button type="button" class="btn primary" onClick={run} disabled={text.trim() === ''}>
          Run the rule
        </button>
        {filterCount > 0 ? (
          <label class="inline check">
            <input type="checkbox" checked={tuned} onChange={(e) => setTuned((e.target as HTMLInputElement).checked)} />{' '}
            with its {filterCount} tuning filter{filterCount === 1 ? '' : 's'} (as `tripline test` proves the quiet
            tests)
          </label>
        ) : null}
      </div>
      {out === 'running' ? <p aria-live="polite">Running…</p> : null}
      {out && typeof out === 'object' ? (
        <div aria-live="polite">
          {out.problems.length > 0 ? (
            <ul class="diags">
              {out.problems.map((p) => (
                <li class="diag diag-error" key={p}>
                  {p}
                </li>
              ))}
            </ul>
          ) : null}
          <TestVerdicts events={out.events} result={out.result} correlation={props.correlation} />
          <MatchTable events={out.events} result={out.result} />
        </div>
      ) : null}
    </div>
  );
}
