/**
 * Hash routes, so every page, tab and filter has a permalink that works on any static host without
 * rewrite rules: `#/`, `#/?q=..&tactic=..`, `#/rule/<slug>?tab=kql&p=1`, `#/matrix`, `#/technique/T1195.002`,
 * `#/playground?r=<compressed rule>`.
 */
import { useEffect, useState } from 'preact/hooks';

/** A parsed route. */
export interface Route {
  readonly page: 'index' | 'rule' | 'matrix' | 'technique' | 'playground' | 'missing';
  readonly arg: string;
  readonly params: URLSearchParams;
}

/** Parses `location.hash`. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [head, ...rest] = path.split('/').map(decodeURIComponent);
  const arg = rest.join('/');
  if (head === '' || head === undefined) return { page: 'index', arg: '', params };
  if ((head === 'rule' || head === 'technique') && arg) return { page: head, arg, params };
  if (head === 'matrix' || head === 'playground') return { page: head, arg: '', params };
  return { page: 'missing', arg: path, params };
}

/** The href of a page with optional parameters (empty values dropped). */
export function href(path: string, params: Readonly<Record<string, string | undefined>> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const qs = p.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

/** Replaces the current hash's parameters (no new history entry), keeping the path. */
export function setParams(route: Route, changes: Readonly<Record<string, string | undefined>>): void {
  const p = new URLSearchParams(route.params);
  for (const [k, v] of Object.entries(changes)) {
    if (v) p.set(k, v);
    else p.delete(k);
  }
  const path =
    route.page === 'index'
      ? ''
      : route.page === 'missing'
        ? route.arg
        : `${route.page}${route.arg ? `/${encodeURIComponent(route.arg)}` : ''}`;
  const qs = p.toString();
  history.replaceState(null, '', `#/${path}${qs ? `?${qs}` : ''}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The current route, updated on hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
