// Keeps the app itself on the phone. On install it stores the app page and every file of the
// build (listed in asset-manifest.json, written by the build), so once the worker is ready the
// app opens with no signal. API calls are not cached here: the app keeps its data (drafts,
// households, forms) in IndexedDB and says when it shows a stale copy. The one exception is a
// form version's precompiled validators (…/versions/{n}/validators.js): a module the page
// imports, which IndexedDB cannot hand to import(); a published version never changes, so the
// first copy is kept and served from then on, with or without signal.
const CACHE = 'wanneng-shell-v3';

async function keepTheApp() {
  const cache = await caches.open(CACHE);
  const manifest = await (await fetch('/asset-manifest.json', { cache: 'no-store' })).json();
  // The app's entry and what it imports, and the officer's pages it loads when opened (the fill
  // page: a form must open with no signal); the reviewer's and administrator's pages are kept when
  // first opened instead of weighing on every officer's phone.
  const files = new Set();
  const add = (key) => {
    const entry = manifest[key];
    if (!entry || files.has(`/${entry.file}`)) return;
    files.add(`/${entry.file}`);
    for (const css of entry.css ?? []) files.add(`/${css}`);
    for (const imported of entry.imports ?? []) add(imported);
  };
  for (const [key, entry] of Object.entries(manifest)) {
    if (!entry.isEntry) continue;
    add(key);
    for (const lazy of entry.dynamicImports ?? []) if (lazy.startsWith('pages/officer/')) add(lazy);
  }
  await cache.addAll(['/', ...files]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(keepTheApp().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

const VALIDATORS = /^\/api\/forms\/[^/]+\/versions\/\d+\/validators\.js$/;

/** The kept copy, or the network's (kept when it is good). */
function keptFirst(event, key) {
  event.respondWith(
    caches.match(key).then((hit) => hit || fetch(event.request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
      }
      return response;
    })),
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Kept under their revision (?r=): a new release asks for new ones.
  if (VALIDATORS.test(url.pathname)) return keptFirst(event, url.pathname + url.search);
  if (url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // Pages: the network first (a new release), the kept app when there is none.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put('/', copy)));
          }
          return response;
        })
        .catch(async () => (await caches.match('/')) ?? Response.error()),
    );
    return;
  }
  // Built files have content hashes in their names: a kept copy is always right.
  keptFirst(event, request);
});
