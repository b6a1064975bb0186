// The banner 有新版本，点击更新: a new build of the app has been deployed and its service worker
// is installed and waiting (vite-plugin-pwa's registration, workbox-window loaded apart from the
// app's first script). Never taken automatically: the officer's tap lets the new worker take over,
// and the app reloads into the new version once what the open form holds is saved on the phone
// (every tab of the app does, when the new worker takes it).
import { useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { checkForUpdates } from '../app/checkForUpdates';
import { forgetLegacyCache } from '../app/forgetLegacyCache';
import { t } from '../i18n/t';
import { saveBeforeLeaving } from '../offline/beforeLeaving';

export function UpdatePrompt() {
  const [updating, setUpdating] = useState(false);
  const { needRefresh: [needRefresh], updateServiceWorker } = useRegisterSW({
    immediate: false,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      checkForUpdates(registration);
      void forgetLegacyCache(registration).catch(() => {});
    },
    onNeedReload() {
      void saveBeforeLeaving().then(() => window.location.reload());
    },
  });
  if (!needRefresh) return null;
  return (
    <div className="banner update" role="status">
      <button type="button" className="link" disabled={updating} onClick={() => {
        setUpdating(true);
        void updateServiceWorker();
      }}>{t('updateReady')}</button>
    </div>
  );
}
