// The client's entry: the app under its session, the stylesheet, and the service worker that
// keeps the app itself on the phone for days with no signal (registered by UpdatePrompt, which
// offers a new version when one is deployed; none in development). Opened on a fill page, it
// starts that page's code and data at once, beside the question of who is signed in, rather
// than one after the other (boot.ts, evaluated first).
import './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { SessionProvider } from './app/SessionContext';
import { LanguageRoot } from './components/LanguagePicker';
import { UpdatePrompt } from './components/UpdatePrompt';
import './styles/app.css';
import './styles/glance.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UpdatePrompt />
    <SessionProvider>
      <LanguageRoot>
        <App />
      </LanguageRoot>
    </SessionProvider>
  </StrictMode>,
);
