import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The engine's one import name: `@engine` (its public index) and `@engine/…` (a module, for tests
 * and the bench), as tsconfig.json's `paths` say; shared by the test and bench builds.
 */
export const engineAlias = [
  { find: /^@engine$/, replacement: fileURLToPath(new URL('./engine/index.ts', import.meta.url)) },
  { find: /^@engine\//, replacement: `${fileURLToPath(new URL('./engine/', import.meta.url))}` },
];

/** @rjsf/core's markdown-to-jsx, loaded only when some markdown is shown (client/form/lazyMarkdown.tsx). */
function lazyMarkdown(): Plugin {
  const shim = fileURLToPath(new URL('./client/form/lazyMarkdown.tsx', import.meta.url));
  return {
    name: 'wnbd-lazy-markdown',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'markdown-to-jsx/react' && importer?.includes('/node_modules/@rjsf/core/') ? shim : null;
    },
  };
}

// The officer's, reviewer's and administrator's pages are one single-page app under client/,
// built into dist/ and served by the API server on one port. In development `npm run dev:client`
// proxies /api to the server on 8787.
export default defineConfig({
  root: 'client',
  plugins: [lazyMarkdown(), react()],
  resolve: { alias: engineAlias },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // The service worker reads it to keep the app's files on the phone when it installs.
    manifest: 'asset-manifest.json',
  },
  server: {
    proxy: { '/api': 'http://localhost:8787' },
  },
});
