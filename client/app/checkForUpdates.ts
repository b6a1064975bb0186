// When the phone asks the server for a new service worker: the browser asks on every page load,
// but the app is a single page an officer may keep open for days, so it also asks when the app
// comes back to the screen, when the network returns, and every hour. A new build found this way
// is offered by UpdatePrompt (有新版本，点击更新), so a stale app does not go on talking to a new
// server unnoticed.
const HOUR_MS = 60 * 60 * 1000;

export function checkForUpdates(registration: ServiceWorkerRegistration): void {
  const check = () => {
    if (navigator.onLine) void registration.update().catch(() => {});
  };
  setInterval(check, HOUR_MS);
  window.addEventListener('online', check);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
