/** A detection page: everything a seed page shows, plus diagnostics, test results, try-it and downloads. */
import type { SiteAttack, SiteRule } from '../../../src/site/types.js';
import { Code, download } from '../components/code.js';
import { Markdown } from '../components/markdown.js';
import { DiagnosticList, QueryTabs } from '../components/queries.js';
import { Attack, Results, Tests } from '../components/rule-parts.js';
import { TryIt } from '../components/try-it.js';
import { href, type Route, setParams } from '../route.js';
import { packText } from '../share.js';

function Section({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section aria-labelledby={`h-${id}`} id={id}>
      <h2 id={`h-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function List({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.map((x) => (
        <li key={x}>
          <Markdown text={x} class="inline-md" />
        </li>
      ))}
    </ul>
  );
}

async function openInPlayground(rule: SiteRule): Promise<void> {
  location.hash = href('playground', { r: await packText(rule.ruleText) });
}

function exportsOf(rule: SiteRule): string {
  const out = rule.targets.map((t) => ({ target: t.name, title: t.title, options: t.options }));
  return JSON.stringify({ rule: rule.title, id: rule.id, file: rule.file, exports: out }, null, 2);
}

/** The detection page. */
export function RulePage({ rule, attack, route }: { rule: SiteRule; attack: SiteAttack | undefined; route: Route }) {
  const hasTables = Object.keys(rule.requiredTables).length > 0;
  return (
    <article class="rule-page">
      <p class="crumbs">
        <a href={href('')}>Detections</a> / <span>{rule.file}</span>
      </p>
      <h1>{rule.title}</h1>
      <Attack rule={rule} attack={attack} />
      <Section id="description" title="Description">
        <Markdown text={rule.description || '_No description._'} />
      </Section>
      <Section id="queries" title="Queries">
        <QueryTabs
          targets={rule.targets}
          tab={route.params.get('tab') ?? undefined}
          option={Number(route.params.get('p') ?? 0)}
          onChange={(tab, p) => setParams(route, { tab, p: p ? String(p) : undefined })}
          fileBase={rule.slug}
          idPrefix="q"
        />
      </Section>
      <Section id="data-sources" title="Data sources">
        {rule.dataSourceDetails.length > 0 ? (
          <ul>
            {rule.dataSourceDetails.map((d) => (
              <li key={`${d.component}|${d.source}`}>
                <strong>{d.component}</strong>
                {d.source ? ` — ${d.source}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{rule.dataSources.join(', ')}</p>
        )}
        {hasTables ? (
          <>
            <h3>Required tables</h3>
            <dl class="facts tables">
              {Object.entries(rule.requiredTables).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v.join(', ')}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </Section>
      {rule.falsePositives.length > 0 ? (
        <Section id="false-positives" title="False positives">
          <List items={rule.falsePositives} />
        </Section>
      ) : null}
      {rule.tuning.length > 0 ? (
        <Section id="tuning" title="Tuning guidance">
          <ul>
            {rule.tuning.map((t) => (
              <li key={t.description}>
                <Markdown text={t.description} class="inline-md" />
                {t.filter ? (
                  <span class="muted">
                    {' '}
                    filter: <code>{t.filter}</code>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {rule.tests.length > 0 ? (
        <Section id="testing" title="Testing methodology">
          <Tests rule={rule} />
        </Section>
      ) : null}
      {rule.testResults ? (
        <Section id="results" title="Test results">
          <Results results={rule.testResults} />
        </Section>
      ) : null}
      {rule.kind === 'detection' || rule.kind === 'correlation' ? (
        <Section id="try-it" title="Try it in your browser">
          <TryIt
            ruleText={rule.ruleText}
            companions={rule.companions}
            filters={rule.filters}
            telemetry={rule.telemetry}
            correlation={rule.kind === 'correlation' ? rule.title : undefined}
            logsource={rule.logsource}
          />
        </Section>
      ) : null}
      {rule.investigation ? (
        <Section id="investigation" title="Investigation guide">
          <Markdown text={rule.investigation} />
        </Section>
      ) : null}
      {rule.playbook ? (
        <Section id="playbook" title="Response playbook">
          <Markdown text={rule.playbook} />
        </Section>
      ) : null}
      {rule.hunting.length > 0 ? (
        <Section id="hunting" title="Hunting">
          <List items={rule.hunting} />
        </Section>
      ) : null}
      {rule.related.length > 0 ? (
        <Section id="related" title="Related detections">
          <ul>
            {rule.related.map((r) => (
              <li key={r.id}>
                {r.slug ? <a href={href(`rule/${encodeURIComponent(r.slug)}`)}>{r.title}</a> : <code>{r.id}</code>}{' '}
                <span class="muted">({r.relation})</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {rule.diagnostics.length > 0 ? (
        <Section id="diagnostics" title="Check findings">
          <DiagnosticList items={rule.diagnostics} label="Diagnostics of the rule file" />
        </Section>
      ) : null}
      <Section id="rule" title="Rule">
        <div class="actions">
          <button type="button" class="btn" onClick={() => download(`${rule.slug}.yml`, rule.ruleText, 'text/yaml')}>
            Download rule (.yml)
          </button>
          <button
            type="button"
            class="btn"
            onClick={() => download(`${rule.slug}.exports.json`, exportsOf(rule), 'application/json')}
          >
            Download all exports (.json)
          </button>
          <button type="button" class="btn" onClick={() => openInPlayground(rule)}>
            Open in playground
          </button>
        </div>
        <Code code={rule.ruleText} lang="yaml" label="Rule source (Sigma YAML)" />
      </Section>
      {rule.references.length > 0 ? (
        <Section id="references" title="References">
          <ul>
            {rule.references.map((u) => (
              <li key={u}>
                {/^https?:\/\//.test(u) ? (
                  <a href={u} rel="noopener noreferrer">
                    {u}
                  </a>
                ) : (
                  u
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </article>
  );
}
