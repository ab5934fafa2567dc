/** Parts of a detection page: the facts block, the testing table and the `tripline test` results. */
import type { SiteAttack, SiteRule } from '../../../src/site/types.js';
import { href } from '../route.js';

/** ATT&CK techniques and tactics, severity, confidence and the other facts at the top of a page. */
export function Attack({ rule, attack }: { rule: SiteRule; attack: SiteAttack | undefined }) {
  const techs = new Map((attack?.techniques ?? []).map((t) => [t.id, t]));
  const tactics = new Map((attack?.tactics ?? []).map((t) => [t.shortname, t]));
  return (
    <dl class="facts">
      {rule.techniques.map((id) => {
        const t = techs.get(id);
        const url = t?.url ?? `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
        return (
          <div key={id}>
            <dt>Technique</dt>
            <dd>
              <a href={href(`technique/${id}`)}>{id}</a> {t ? t.name : ''} ·{' '}
              <a href={url} rel="noopener noreferrer" target="_blank">
                ATT&CK<span class="sr-only"> page of {id} (opens in a new tab)</span>
              </a>
            </dd>
          </div>
        );
      })}
      <div>
        <dt>Tactic</dt>
        <dd>{rule.tactics.map((s) => tactics.get(s)?.name ?? s).join(', ') || '—'}</dd>
      </div>
      <div>
        <dt>Severity</dt>
        <dd>
          <span class={`badge level-${rule.level}`}>{rule.level}</span>
        </dd>
      </div>
      <div>
        <dt>Confidence</dt>
        <dd>{rule.confidence}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{rule.status}</dd>
      </div>
      <div>
        <dt>Log source</dt>
        <dd>
          {Object.entries(rule.logsource)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ') || rule.kind}
        </dd>
      </div>
      <div>
        <dt>Author, date</dt>
        <dd>
          {rule.author || '—'}, {rule.date || '—'}
        </dd>
      </div>
    </dl>
  );
}

/** The testing methodology: each test with its expected signal (and its result when known). */
export function Tests({ rule }: { rule: SiteRule }) {
  const withResults = rule.tests.some((t) => t.result);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (axe scrollable-region-focusable)
    <section class="table-wrap" tabIndex={0} aria-label="Tests (scrolls sideways)">
      <table>
        <caption>Each test is simulated telemetry with the signal the rule must give on it.</caption>
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Expected signal</th>
            {withResults ? <th scope="col">Result</th> : null}
          </tr>
        </thead>
        <tbody>
          {rule.tests.map((t) => (
            <tr key={t.id}>
              <td>
                <code>{t.id}</code>
                {t.description ? <div>{t.description}</div> : null}
              </td>
              <td>{t.expect === 'fire' ? 'fires (true positive)' : 'stays quiet (benign look-alike)'}</td>
              {withResults ? (
                <td class={t.result ? (t.result.passed ? 'pass' : 'fail') : ''}>
                  {t.result
                    ? `${t.result.passed ? 'passed' : 'failed'}${t.result.detail ? `: ${t.result.detail}` : ''}`
                    : 'not run'}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const STATUS_TEXT: Readonly<Record<string, string>> = {
  pass: 'passed',
  fail: 'failed',
  unsupported: 'unsupported',
  unvalidated: 'converted, not validated',
  skip: 'skipped',
};

/** What `tripline test` said: fire/quiet on simulated telemetry, engine vs SQL, each target's query. */
export function Results({ results }: { results: NonNullable<SiteRule['testResults']> }) {
  const fp = results.falsePositives;
  return (
    <>
      {fp ? (
        <p>
          False-positive rate over {fp.events.toLocaleString('en')} benign background events:{' '}
          <strong>{fp.beforePer10k}</strong> alerts per 10,000 events without tuning, <strong>{fp.afterPer10k}</strong>{' '}
          with its tuning filters.
        </p>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard */}
      <section class="table-wrap" tabIndex={0} aria-label="Test results (scrolls sideways)">
        <table class="results">
          <caption>Results of `tripline test` for this rule</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Status</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {results.checks.map((c) => (
              <tr key={c.check} data-status={c.status}>
                <td>
                  <code>{c.check}</code>
                </td>
                <td class={c.status === 'pass' ? 'pass' : c.status === 'fail' ? 'fail' : ''}>
                  {STATUS_TEXT[c.status] ?? c.status}
                </td>
                <td>{c.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
