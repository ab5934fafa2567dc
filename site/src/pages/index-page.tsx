/** The index: full-text search, filters, sorting and the result list, all in the URL. */
import { useContext, useMemo, useState } from 'preact/hooks';
import { navigatorLayer } from '../../../src/site/layer.js';
import type { RuleSummary, SiteAttack, SiteIndex } from '../../../src/site/types.js';
import { download } from '../components/code.js';
import { StoreContext } from '../data.js';
import { FACETS, facetCounts, SORTS, searchIndex, selectRules } from '../filter.js';
import { href, type Route, setParams } from '../route.js';

const PAGE = 100;

/** A rule's card in the list. */
export function RuleCard({ r, targets }: { r: RuleSummary; targets?: number }) {
  return (
    <li class="card">
      <h3>
        <a href={href(`rule/${encodeURIComponent(r.slug)}`)}>{r.title}</a>
      </h3>
      <p class="badges">
        <span class={`badge level-${r.level}`}>{r.level}</span>
        <span class="badge">confidence: {r.confidence}</span>
        <span class="badge">{r.status}</span>
        {r.collection === 'community' ? <span class="badge">community</span> : null}
        {targets ? (
          <span class="badge" title="targets with a query">
            {r.converted}/{targets} targets
          </span>
        ) : null}
        {r.techniques.map((t) => (
          <a class="badge tech" href={href(`technique/${t}`)} key={t}>
            {t}
          </a>
        ))}
      </p>
      <p class="summary">{r.summary}</p>
    </li>
  );
}

/** The index page. */
export function IndexPage({
  route,
  index,
  attack,
}: {
  route: Route;
  index: SiteIndex;
  attack: SiteAttack | undefined;
}) {
  const store = useContext(StoreContext);
  // Built once per visit: coming back to the index from a rule page must not re-index thousands of rules.
  const ms = useMemo(
    () => (store ? store.derived('search', () => searchIndex(index.rules)) : searchIndex(index.rules)),
    [index],
  );
  const list = useMemo(() => selectRules(index.rules, ms, route.params), [index, route.params.toString()]);
  const shown = Math.max(PAGE, Number(route.params.get('n') ?? PAGE) || PAGE);
  const set = (k: string, v: string | undefined) => setParams(route, { [k]: v, n: undefined });
  const active = FACETS.filter((f) => route.params.get(f.key)).length + (route.params.get('sort') ? 1 : 0);
  // Open on wide screens; on a phone the filters fold away unless a link set one.
  const [filtersOpen] = useState(() => active > 0 || !window.matchMedia('(max-width: 760px)').matches);
  return (
    <div class="index-page">
      <h1>Detections</h1>
      <form class="search" onSubmit={(e) => e.preventDefault()}>
        <label for="q">Search</label>
        <input
          id="q"
          type="search"
          value={route.params.get('q') ?? ''}
          placeholder="title, description, tag, technique…"
          onInput={(e) => set('q', (e.target as HTMLInputElement).value)}
        />
      </form>
      <details class="filter-box" open={filtersOpen}>
        <summary>Filters and sorting{active > 0 ? ` (${active} active)` : ''}</summary>
        <div class="filters">
          {FACETS.map((f) => (
            <label key={f.key}>
              {f.label}
              <select
                value={route.params.get(f.key) ?? ''}
                onChange={(e) => set(f.key, (e.target as HTMLSelectElement).value)}
                name={f.key}
              >
                <option value="">all</option>
                {facetCounts(index.rules, f).map(([v, n]) => (
                  <option value={v} key={v}>
                    {v} ({n})
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            Sort
            <select
              value={route.params.get('sort') ?? ''}
              onChange={(e) => set('sort', (e.target as HTMLSelectElement).value)}
              name="sort"
            >
              <option value="">{route.params.get('q') ? 'relevance' : 'title'}</option>
              {Object.entries(SORTS).map(([k, s]) => (
                <option value={k} key={k}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </details>
      <div class="result-bar">
        <p aria-live="polite" id="result-count">
          {list.length} of {index.rules.length} rules
        </p>
        {attack ? (
          <button
            type="button"
            class="btn"
            onClick={() =>
              download(
                'tripline-layer.json',
                JSON.stringify(navigatorLayer(list, attack, 'tripline catalog (filtered)'), null, 2),
                'application/json',
              )
            }
          >
            Navigator layer of these rules
          </button>
        ) : null}
        {route.params.toString() ? (
          <a href={href('')} class="btn">
            Clear filters
          </a>
        ) : null}
      </div>
      <ul class="cards">
        {list.slice(0, shown).map((r) => (
          <RuleCard r={r} key={r.slug} targets={index.targets.length} />
        ))}
      </ul>
      {list.length > shown ? (
        <button type="button" class="btn more" onClick={() => setParams(route, { n: String(shown + PAGE) })}>
          Show more ({list.length - shown} left)
        </button>
      ) : null}
    </div>
  );
}
