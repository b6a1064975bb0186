// The hand-written service worker before Workbox (until issue 15) kept the app in a cache of its
// own, which nothing reads once the Workbox worker is the active one: deleted then, to free the
// phone's storage. Not before: while the old worker still serves the page (the new one waiting
// for 有新版本，点击更新), its cache is what opens the app with no signal.
const LEGACY_CACHE = 'wanneng-shell-v3';

export async function forgetLegacyCache(registration: ServiceWorkerRegistration): Promise<void> {
  if (!('caches' in window) || !registration.active || registration.waiting || registration.installing) return;
  const names = await caches.keys();
  // The active worker is Workbox's once its precache exists and no other worker is pending.
  if (names.includes(LEGACY_CACHE) && names.some((name) => name.startsWith('workbox-precache'))) await caches.delete(LEGACY_CACHE);
}
