/** Entry point: renders the app into #app. */
import { render } from 'preact';
import { App } from './app.js';
import { Store, StoreContext } from './data.js';

const root = document.getElementById('app') as HTMLElement;
root.textContent = '';
render(
  <StoreContext.Provider value={new Store()}>
    <App />
  </StoreContext.Provider>,
  root,
);
