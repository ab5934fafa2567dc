/** Loads the catalog's JSON data (written by `tripline site`) once per page view. */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { SiteAttack, SiteIndex, SiteRule } from '../../src/site/types.js';

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

/** The data of one catalog: index, ATT&CK, and rule pages fetched on demand and kept. */
export class Store {
  readonly #rules = new Map<string, Promise<SiteRule>>();
  readonly #derived = new Map<string, unknown>();
  #index: Promise<SiteIndex> | undefined;
  #attack: Promise<SiteAttack | undefined> | undefined;

  index(): Promise<SiteIndex> {
    this.#index ??= getJson<SiteIndex>('data/index.json');
    return this.#index;
  }

  attack(): Promise<SiteAttack | undefined> {
    this.#attack ??= this.index().then((i) => (i.attack ? getJson<SiteAttack>('data/attack.json') : undefined));
    return this.#attack;
  }

  /** A value derived from the data (a search index), computed once per page view. */
  derived<T>(key: string, compute: () => T): T {
    if (!this.#derived.has(key)) this.#derived.set(key, compute());
    return this.#derived.get(key) as T;
  }

  rule(slug: string): Promise<SiteRule> {
    let p = this.#rules.get(slug);
    if (!p) {
      p = getJson<SiteRule>(`data/rules/${encodeURIComponent(slug)}.json`);
      this.#rules.set(slug, p);
    }
    return p;
  }
}

/** The store of the running app (provided by main.tsx; undefined outside it). */
export const StoreContext = createContext<Store | undefined>(undefined);

/** The state of an async load. */
export type Loaded<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; error: string };

/** Runs a load from the store whenever `key` changes. */
export function useLoad<T>(load: (s: Store) => Promise<T>, key: string): Loaded<T> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLoad needs a StoreContext provider');
  const [v, setV] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setV({ state: 'loading' });
    load(store).then(
      (value) => live && setV({ state: 'ok', value }),
      (e: Error) => live && setV({ state: 'error', error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return v;
}
