/** The catalog shell: header navigation, the routed page, and the footer with MITRE's ATT&CK notice. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SiteAttack, SiteIndex } from '../../src/site/types.js';
import { type Loaded, useLoad } from './data.js';
import { IndexPage } from './pages/index-page.js';
import { MatrixPage, TechniquePage } from './pages/matrix-page.js';
import { RulePage } from './pages/rule-page.js';
import { href, type Route, useRoute } from './route.js';

function Status({ loaded }: { loaded: Loaded<unknown> }) {
  if (loaded.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (loaded.state === 'error')
    return (
      <p class="callout error" role="alert">
        Could not load the catalog data ({loaded.error}). Serve the folder over HTTP (e.g. <code>tripline serve</code>);
        browsers do not run module scripts from file:// pages.
      </p>
    );
  return null;
}

function RuleRoute({ route, attack }: { route: Route; attack: SiteAttack | undefined }) {
  const rule = useLoad((s) => s.rule(route.arg), route.arg);
  useEffect(() => {
    if (rule.state === 'ok') document.title = `${rule.value.title} · tripline`;
  }, [rule.state]);
  if (rule.state !== 'ok') return <Status loaded={rule} />;
  return <RulePage rule={rule.value} attack={attack} route={route} />;
}

/** Loads the playground chunk (CodeMirror and the compiler) only when the playground is opened. */
function PlaygroundRoute({ route }: { route: Route }) {
  const [Page, setPage] = useState<ComponentType<{ route: Route }>>();
  useEffect(() => {
    import('./pages/playground.js').then((m) => setPage(() => m.default));
  }, []);
  return Page ? <Page route={route} /> : <p aria-live="polite">Loading the playground…</p>;
}

function Body({ route, index, attack }: { route: Route; index: SiteIndex; attack: SiteAttack | undefined }) {
  switch (route.page) {
    case 'index':
      return <IndexPage route={route} index={index} attack={attack} />;
    case 'rule':
      return <RuleRoute route={route} attack={attack} />;
    case 'matrix':
      return attack ? (
        <MatrixPage route={route} index={index} attack={attack} />
      ) : (
        <p>This catalog was built without ATT&CK data.</p>
      );
    case 'technique':
      return <TechniquePage id={route.arg} index={index} attack={attack} />;
    case 'playground':
      return <PlaygroundRoute route={route} />;
    default:
      return (
        <p>
          No page at <code>{route.arg}</code>. <a href={href('')}>Back to the detections</a>
        </p>
      );
  }
}

function Footer({ index, attack }: { index: SiteIndex | undefined; attack: SiteAttack | undefined }) {
  return (
    <footer class="site-footer">
      <p>
        Built by {index?.generator ?? 'tripline'} {index ? `on ${index.generated.slice(0, 10)}` : ''}. Static pages:
        nothing you type leaves your browser.
      </p>
      {attack ? (
        <>
          <p>
            MITRE ATT&CK® {attack.version}. {attack.copyright}
          </p>
          <details>
            <summary>ATT&CK licence</summary>
            <pre class="license">{attack.license}</pre>
          </details>
        </>
      ) : null}
    </footer>
  );
}

/** Under `tripline serve` (index.live set), reloads the page when the rules are rebuilt. */
function useLiveReload(index: Loaded<SiteIndex>): void {
  const live = index.state === 'ok' ? index.value.live : undefined;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(async () => {
      const res = await fetch('data/version.txt', { cache: 'no-store' }).catch(() => undefined);
      const now = res?.ok ? await res.text() : undefined;
      if (now !== undefined && now !== live) location.reload();
    }, 1500);
    return () => clearInterval(timer);
  }, [live]);
}

/** The app. */
export function App() {
  const route = useRoute();
  const index = useLoad((s) => s.index(), 'index');
  const attack = useLoad((s) => s.attack(), 'attack');
  const attackData = attack.state === 'ok' ? attack.value : undefined;
  useLiveReload(index);
  useEffect(() => {
    if (route.page !== 'rule') document.title = 'tripline detection catalog';
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.page, route.arg]);
  const nav = (page: Route['page'], path: string, label: string) => (
    <a href={href(path)} aria-current={route.page === page ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header class="site-header">
        <a class="brand" href={href('')}>
          tripline
        </a>
        <nav aria-label="Main">
          {nav('index', '', 'Detections')}
          {nav('matrix', 'matrix', 'ATT&CK coverage')}
          {nav('playground', 'playground', 'Playground')}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {index.state === 'ok' ? (
          <Body route={route} index={index.value} attack={attackData} />
        ) : (
          <Status loaded={index} />
        )}
      </main>
      <Footer index={index.state === 'ok' ? index.value : undefined} attack={attackData} />
    </>
  );
}
