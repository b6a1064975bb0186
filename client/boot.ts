// What the app starts before anything else of it is evaluated (main.tsx imports this first, so
// it runs before React and the pages): the question of who is signed in and, opened on a fill
// page, that page's data and code, so they travel while the rest of the script is set up.
import { askSessionEarly } from './app/SessionContext';
import { prefetchFill } from './offline/loadFill';

askSessionEarly();
const fill = /^\/fill\/([^/]+)$/.exec(window.location.pathname);
if (fill) {
  prefetchFill(decodeURIComponent(fill[1]!));
  void import('./pages/officer/FillPage').catch(() => {});
}
