import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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
