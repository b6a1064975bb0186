// The service worker that keeps the app on the phone, generated at build time by vite-plugin-pwa
// with Workbox (generateSW: configuration only, no worker code of our own).
// - Precache, by revision: index.html and the officer's app — the entry, what it imports and the
//   officer's lazy pages with theirs (the fill page: a form must open with no signal after one
//   online visit), and workbox-window, which the registration loads apart from the entry. The reviewer's and administrator's pages are not precached, so they do not
//   weigh on every officer's phone: like any other built file, they are kept when first loaded.
// - Navigations get the precached index.html (the app routes on the phone), never /api/*.
// - API answers are not cached here (the app keeps its data in IndexedDB), except a form
//   version's precompiled validators (/api/forms/{id}/versions/{n}/validators.js?r=…): a module the
//   page imports, which IndexedDB cannot hand to import(); a published version never changes.
// - A new build waits until the officer taps 有新版本，点击更新 (registerType 'prompt', the app's
//   UpdatePrompt); the app registers the worker itself (injectRegister null: no inline script
//   under the Content-Security-Policy).
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Lazy chunks of the entry that are precached: the officer's pages, and workbox-window (loaded apart by the registration). */
const PRECACHED_LAZY = /\/client\/pages\/officer\/|\/node_modules\/workbox-window\//;

/**
 * Records, as the bundle is written, which files make the officer's app (entry chunks, their
 * static imports and CSS, and the dynamic imports PRECACHED_LAZY names with theirs), for
 * the precache manifest to keep only those.
 */
function officerShell(): { plugin: Plugin; files: () => Set<string> } {
  let files: Set<string> | null = null;
  const plugin: Plugin = {
    name: 'wnbd-officer-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      const kept = new Set<string>(['index.html']);
      const add = (fileName: string) => {
        const chunk = bundle[fileName];
        if (kept.has(fileName) || chunk?.type !== 'chunk') return;
        kept.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) kept.add(css);
        for (const imported of chunk.imports) add(imported);
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        add(chunk.fileName);
        for (const lazy of chunk.dynamicImports) {
          const target = bundle[lazy];
          if (target?.type === 'chunk' && PRECACHED_LAZY.test(target.facadeModuleId ?? '')) add(lazy);
        }
      }
      files = kept;
    },
  };
  return {
    plugin,
    files: () => {
      if (!files) throw new Error('wnbd-officer-shell: the bundle was not seen before the service worker was generated');
      return files;
    },
  };
}

export function serviceWorker(): Plugin[] {
  const shell = officerShell();
  return [
    shell.plugin,
    ...VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: null,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        manifestTransforms: [(entries) => ({ manifest: entries.filter((entry) => shell.files().has(entry.url.replace(/^\//, ''))), warnings: [] })],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // The first worker takes the open page at once (an officer's first visit is kept, its
        // validators included); a new one waits for the officer's tap (no skipWaiting).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/forms\/[^/]+\/versions\/\d+\/validators\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'wanneng-validators', cacheableResponse: { statuses: [200] } },
          },
          {
            // Built files not precached (the reviewer's and administrator's pages, re2js, markdown):
            // content-hashed names, so a kept copy is always right.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'wanneng-pages', cacheableResponse: { statuses: [200] }, expiration: { maxEntries: 60 } },
          },
        ],
      },
    }),
  ];
}
