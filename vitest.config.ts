import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { engineAlias } from './vite.config.ts';

// Engine, server and browser-flow tests run in Node; component tests in jsdom. Browser flows
// (test/e2e) drive Debian's Chromium through playwright-core against a real server, one file at a
// time, after the rest, on one build of the client made for the run (test/e2e/buildClientOnce.ts).
// The service worker's registration (virtual:pwa-register/react, made by the build's plugin) is
// vite-plugin-pwa's development stand-in here, which registers nothing; component tests replace
// it with vi.mock.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      ...engineAlias,
      { find: /^virtual:pwa-register\/react$/, replacement: 'vite-plugin-pwa/dist/client/dev/react.js' },
    ],
  },
  test: {
    // Two files at a time even on two cores (vitest's default there is one): most of a server test
    // waits on a server process, PostgreSQL or Chromium rather than the processor.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20000,
    hookTimeout: 120000,
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/engine/**/*.test.ts', 'test/server/**/*.test.ts', 'test/form-definitions/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'client', include: ['test/client/**/*.test.tsx', 'test/client/**/*.test.ts'], environment: 'jsdom', setupFiles: ['test/client/setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', fileParallelism: false, testTimeout: 90000, globalSetup: ['test/e2e/buildClientOnce.ts'] },
      },
    ],
  },
});
