// The header's word on the network: offline (and that work is kept), what waits to be sent.
import { useEffect, useState } from 'react';
import { t } from '../i18n/t';
import { onSyncState, syncNow, syncState, type SyncState } from '../offline/syncQueue';

export function SyncIndicator() {
  const [state, setState] = useState<SyncState>(syncState());
  useEffect(() => onSyncState(setState), []);
  if (!state.online) return <div className="banner offline" role="status">{t('offline')}{state.pending ? `（${t('pendingUploads', { n: state.pending })}）` : ''}</div>;
  if (state.syncing && state.pending) return <div className="banner syncing" role="status">{t('syncing', { n: state.pending })}</div>;
  if (state.pending) {
    return (
      <div className="banner pending" role="status">
        {t('pendingUploads', { n: state.pending })}
        <button type="button" className="link" onClick={() => void syncNow()}>{t('retry')}</button>
      </div>
    );
  }
  return null;
}
