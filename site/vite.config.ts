/**
 * Builds the catalog front-end once, at package build time, into dist/site-app (shipped with the package);
 * `tripline site` copies it next to the rule data. Relative base so the catalog works from any folder of
 * any static host. No inline scripts (modulePreload polyfill off) so the CSP can forbid them.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Browser stand-ins: the rule loader's file reader is Node-only (the browser loads in-memory texts), ajv's
 * schema compiler needs `new Function`, which the CSP forbids, and the Node loader of the `yaml` library
 * requires it synchronously. Keyed by importer and specifier.
 */
const STUBS: readonly { importer: string; source: string; stub: string }[] = [
  { importer: '/src/ruleset/load.ts', source: './files.js', stub: './src/stubs/files.ts' },
  { importer: '/src/checks/schema/tripline-metadata.ts', source: '../data/schemas.js', stub: './src/stubs/schemas.ts' },
  { importer: '/src/sigma/yaml-precise.ts', source: './yaml-lib.js', stub: './src/stubs/yaml-lib.ts' },
];

function browserStubs(): Plugin {
  return {
    name: 'tripline-browser-stubs',
    enforce: 'pre',
    resolveId(source, importer) {
      const from = importer?.replaceAll('\\', '/') ?? '';
      const hit = STUBS.find((s) => s.source === source && from.endsWith(s.importer));
      return hit ? here(hit.stub) : null;
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  plugins: [browserStubs()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: here('../dist/site-app'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    target: 'es2022',
  },
});
