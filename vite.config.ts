import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The officer's, reviewer's and administrator's pages are one single-page app under client/,
// built into dist/ and served by the API server on one port. In development `npm run dev:client`
// proxies /api to the server on 8787.
export default defineConfig({
  root: 'client',
  plugins: [react()],
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
