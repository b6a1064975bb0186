// The app: who is signed in decides where "/" leads (officers to 我的待办, reviewers to
// review, administrators to administration); the reviewer's and administrator's pages load only
// when opened, so the officer's phone downloads the least, and so does the fill page (rjsf and
// what renders a form), which main.tsx starts loading at once when the app opens on one.
import { lazy, Suspense, useEffect } from 'react';
import { Loading } from '../components/Layout';
import { startSyncing } from '../offline/syncQueue';
import { LoginPage } from '../pages/LoginPage';
import { HouseholdPage } from '../pages/officer/HouseholdPage';
import { HouseholdsPage } from '../pages/officer/HouseholdsPage';
import { StartPage } from '../pages/officer/StartPage';
import { TodoPage } from '../pages/officer/TodoPage';
import { VerificationPage } from '../pages/officer/VerificationPage';
import { VillagesPage } from '../pages/officer/VillagesPage';
import { matchPath, navigate, useLocation } from './router';
import { useSession } from './SessionContext';

// A resident's application page (issue 17): no account, opened from a link or QR code.
const ApplyPage = lazy(() => import('../pages/public/ApplyPage'));
// The village's 民主评议 and 公示 (issue 17), and its notice to print: loaded when opened.
const DeliberationPage = lazy(() => import('../pages/officer/DeliberationPage').then((m) => ({ default: m.DeliberationPage })));
const NoticePrintPage = lazy(() => import('../deliberation/NoticePrintPage').then((m) => ({ default: m.NoticePrintPage })));
const ReviewerApp = lazy(() => import('../pages/reviewer/ReviewerApp'));
const FillPage = lazy(() => import('../pages/officer/FillPage').then((m) => ({ default: m.FillPage })));
// zod (the engine's definition checker, on these pages) is made jitless before they load: see zodJitless.ts.
const AdminApp = lazy(async () => {
  const { ZOD_CONFIG } = await import('../pages/admin/zodJitless');
  if (!ZOD_CONFIG.jitless) throw new Error('zod must run jitless under the app\'s CSP');
  return import('../pages/admin/AdminApp');
});

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  const { user, loading, expired } = useSession();
  const { path } = useLocation();
  useEffect(() => (user ? startSyncing() : undefined), [user]);
  const apply = matchPath('/apply/:county', path);
  if (apply) return <Suspense fallback={<Loading />}><ApplyPage county={apply.county!} /></Suspense>;
  if (loading) return <Loading />;
  if (!user) {
    if (path === '/login') return <LoginPage next={new URLSearchParams(window.location.search).get('next') ?? '/'} />;
    return <Redirect to={`/login?next=${encodeURIComponent(path + window.location.search)}`} />;
  }
  let m: Record<string, string> | null;
  // A session that ended while the app ran (the queue met it): log in again, the app's data kept.
  if (path === '/login') return expired ? <LoginPage next={new URLSearchParams(window.location.search).get('next') ?? '/'} /> : <Redirect to="/" />;
  if (path === '/') return <Redirect to={user.role === 'admin' ? '/admin' : user.role === 'reviewer' ? '/review' : '/todo'} />;
  if (path === '/todo') return <TodoPage />;
  if (path === '/villages') return <VillagesPage />;
  if (path === '/deliberation') return <Suspense fallback={<Loading />}><DeliberationPage /></Suspense>;
  if ((m = matchPath('/deliberation/notices/:id/print', path))) return <Suspense fallback={<Loading />}><NoticePrintPage id={m.id!} /></Suspense>;
  if ((m = matchPath('/villages/:code/verification', path))) return <VerificationPage code={m.code!} />;
  if ((m = matchPath('/villages/:code', path))) return <HouseholdsPage code={m.code!} />;
  if ((m = matchPath('/households/:id', path))) return <HouseholdPage id={m.id!} />;
  if ((m = matchPath('/start/:formId', path))) return <StartPage formId={m.formId!} />;
  if ((m = matchPath('/fill/:id', path))) return <Suspense fallback={<Loading />}><FillPage id={m.id!} /></Suspense>;
  if (matchPath('/review/*', path)) return <Suspense fallback={<Loading />}><ReviewerApp /></Suspense>;
  if (matchPath('/admin/*', path)) return <Suspense fallback={<Loading />}><AdminApp /></Suspense>;
  return <Redirect to="/" />;
}

