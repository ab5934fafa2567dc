/** Entry point: renders the app into #app. */
import { render } from 'preact';
import { App } from './app.js';

const root = document.getElementById('app') as HTMLElement;
root.textContent = '';
render(<App />, root);
