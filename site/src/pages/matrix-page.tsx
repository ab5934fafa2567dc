/** The ATT&CK coverage matrix (tactics x techniques, shaded by number and quality of detections). */
import { useMemo } from 'preact/hooks';
import { detectionQuality, navigatorLayer } from '../../../src/site/layer.js';
import type { RuleSummary, SiteAttack, SiteIndex, SiteTechnique } from '../../../src/site/types.js';
import { download } from '../components/code.js';
import { href, type Route, setParams } from '../route.js';
import { RuleCard } from './index-page.js';

/** Rules per technique id; a sub-technique's rules also count for its parent. */
export function rulesByTechnique(rules: readonly RuleSummary[]): Map<string, RuleSummary[]> {
  const out = new Map<string, RuleSummary[]>();
  const add = (id: string, r: RuleSummary) => {
    const list = out.get(id) ?? [];
    if (!list.includes(r)) list.push(r);
    out.set(id, list);
  };
  for (const r of rules)
    for (const t of r.techniques) {
      add(t, r);
      if (t.includes('.')) add(t.split('.')[0], r);
    }
  return out;
}

/** Shade 0-4 from the summed quality of the detections. */
export function shadeOf(list: readonly RuleSummary[] | undefined): number {
  const score = (list ?? []).reduce((s, r) => s + detectionQuality(r), 0);
  return score === 0 ? 0 : score < 0.75 ? 1 : score < 1.5 ? 2 : score < 3 ? 3 : 4;
}

function collectionRules(index: SiteIndex, c: string): RuleSummary[] {
  return c === 'all' ? [...index.rules] : index.rules.filter((r) => r.collection === c);
}

/** The matrix page. */
export function MatrixPage({ route, index, attack }: { route: Route; index: SiteIndex; attack: SiteAttack }) {
  const hasOwn = index.rules.some((r) => r.collection === 'tripline');
  const c = route.params.get('c') ?? (hasOwn ? 'tripline' : 'all');
  const only = route.params.get('only') === '1';
  const rules = useMemo(() => collectionRules(index, c), [index, c]);
  const byTech = useMemo(() => rulesByTechnique(rules), [rules]);
  const subs = useMemo(() => {
    const m = new Map<string, SiteTechnique[]>();
    for (const t of attack.techniques) if (t.parent) m.set(t.parent, [...(m.get(t.parent) ?? []), t]);
    return m;
  }, [attack]);
  const covered = new Set([...byTech.keys()]);
  return (
    <div class="matrix-page">
      <h1>ATT&CK coverage</h1>
      <div class="filters">
        <label>
          Detections
          <select value={c} onChange={(e) => setParams(route, { c: (e.target as HTMLSelectElement).value })}>
            <option value="tripline">tripline content</option>
            <option value="community">community corpus</option>
            <option value="all">all rules</option>
          </select>
        </label>
        <label class="inline check">
          <input
            type="checkbox"
            checked={only}
            onChange={(e) => setParams(route, { only: (e.target as HTMLInputElement).checked ? '1' : undefined })}
          />
          Covered techniques only
        </label>
        <button
          type="button"
          class="btn"
          onClick={() =>
            download(
              'tripline-coverage-layer.json',
              JSON.stringify(navigatorLayer(rules, attack, `tripline coverage (${c})`), null, 2),
              'application/json',
            )
          }
        >
          Download Navigator layer
        </button>
      </div>
      <p class="legend">
        Shade = number of detections weighted by status and confidence:{' '}
        {[0, 1, 2, 3, 4].map((s) => (
          <span class={`swatch shade-${s}`} key={s}>
            {['none', 'weak', 'some', 'good', 'strong'][s]}
          </span>
        ))}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable matrix must be reachable by keyboard */}
      <section class="matrix-scroll" tabIndex={0} aria-label="ATT&CK matrix, scrolls sideways">
        <div class="matrix">
          {attack.tactics.map((tac) => {
            const techs = attack.techniques.filter(
              (t) => !t.parent && t.tactics.includes(tac.shortname) && (!only || covered.has(t.id)),
            );
            return (
              <section class="tactic" key={tac.id} aria-label={tac.name}>
                <h2>
                  <a href={tac.url} rel="noopener noreferrer" target="_blank">
                    {tac.name}
                  </a>
                </h2>
                <ul>
                  {techs.map((t) => {
                    const list = byTech.get(t.id);
                    const n = list?.length ?? 0;
                    const coveredSubs = (subs.get(t.id) ?? []).filter((s) => byTech.has(s.id));
                    return (
                      <li key={t.id} class={`cell shade-${shadeOf(list)}`}>
                        <a
                          href={href(`technique/${t.id}`)}
                          aria-label={`${t.id} ${t.name}: ${n} detection${n === 1 ? '' : 's'}`}
                        >
                          <span class="tid">{t.id}</span> {t.name}
                          {n > 0 ? <span class="count">{n}</span> : null}
                        </a>
                        {coveredSubs.length > 0 ? (
                          <ul class="subs">
                            {coveredSubs.map((s) => (
                              <li key={s.id} class={`cell shade-${shadeOf(byTech.get(s.id))}`}>
                                <a href={href(`technique/${s.id}`)}>
                                  <span class="tid">{s.id}</span> {s.name}{' '}
                                  <span class="count">{byTech.get(s.id)?.length}</span>
                                </a>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      </section>
    </div>
  );
}

/** A technique's page: its ATT&CK summary, tripline detections and community rules. */
export function TechniquePage({ id, index, attack }: { id: string; index: SiteIndex; attack: SiteAttack | undefined }) {
  const t = attack?.techniques.find((x) => x.id === id);
  const byTech = rulesByTechnique(index.rules);
  const all = byTech.get(id) ?? [];
  const own = all.filter((r) => r.collection === 'tripline');
  const community = all.filter((r) => r.collection === 'community');
  const subs = attack?.techniques.filter((x) => x.parent === id) ?? [];
  return (
    <article>
      <p class="crumbs">
        <a href={href('matrix')}>ATT&CK coverage</a> / {id}
      </p>
      <h1>
        {id} {t?.name ?? ''}
      </h1>
      {t ? (
        <p>
          {t.description}{' '}
          <a href={t.url} rel="noopener noreferrer" target="_blank">
            Read on attack.mitre.org<span class="sr-only"> (opens in a new tab)</span>
          </a>
        </p>
      ) : (
        <p class="muted">This id is not in the ATT&CK data of this build.</p>
      )}
      {t?.parent ? (
        <p>
          Sub-technique of <a href={href(`technique/${t.parent}`)}>{t.parent}</a>
        </p>
      ) : null}
      <h2>tripline detections ({own.length})</h2>
      {own.length > 0 ? (
        <ul class="cards">
          {own.map((r) => (
            <RuleCard r={r} key={r.slug} />
          ))}
        </ul>
      ) : (
        <p>None yet.</p>
      )}
      <h2>Community rules ({community.length})</h2>
      {community.length > 0 ? (
        <ul class="cards">
          {community.map((r) => (
            <RuleCard r={r} key={r.slug} />
          ))}
        </ul>
      ) : (
        <p>
          None in this build (build with the SigmaHQ corpus to list them:{' '}
          <code>tripline site content path/to/sigma</code>).
        </p>
      )}
      {subs.length > 0 ? (
        <>
          <h2>Sub-techniques</h2>
          <ul>
            {subs.map((s) => (
              <li key={s.id}>
                <a href={href(`technique/${s.id}`)}>
                  {s.id} {s.name}
                </a>{' '}
                ({byTech.get(s.id)?.length ?? 0})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
