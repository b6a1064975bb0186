// The header's word on the queue: no network (and that work is kept), what waits to be sent,
// which photo is going up, a session to renew by logging in again, items that need the officer — with 立即重试 —
// and, on a phone shared by several users, what waits for another of them to sign in again.
import { useEffect, useState } from 'react';
import { navigate } from '../app/router';
import { t } from '../i18n/t';
import { onSyncState, syncNow, syncState, type SyncState } from '../offline/syncQueue';

export function SyncIndicator() {
  const [state, setState] = useState<SyncState>(syncState());
  useEffect(() => onSyncState(setState), []);
  if (!state.online) return <div className="banner offline" role="status">{t('offline')}{state.pending ? `（${t('pendingUploads', { n: state.pending })}）` : ''}</div>;
  if (state.needsLogin) {
    const here = window.location.pathname + window.location.search;
    return (
      <div className="banner pending" role="status">
        {t('loginToSend', { n: state.needsLogin })}
        {window.location.pathname !== '/login' ? (
          <button type="button" className="link" onClick={() => navigate(`/login?next=${encodeURIComponent(here)}`)}>{t('loginAgain')}</button>
        ) : null}
      </div>
    );
  }
  if (state.uploading) return <div className="banner syncing" role="status">{t('uploadingFile', { current: state.uploading.current, total: state.uploading.total })}</div>;
  if (state.syncing && state.pending > state.needsOfficer) return <div className="banner syncing" role="status">{t('syncing', { n: state.pending - state.needsOfficer })}</div>;
  const others = state.others.pending
    ? <div className="banner pending" role="status">{t('othersPending', { n: state.others.pending, names: state.others.names.join('、') })}</div>
    : null;
  if (state.pending) {
    return (
      <div className="banner pending" role="status">
        {t('pendingUploads', { n: state.pending })}
        {state.needsOfficer ? `，${t('needsOfficer', { n: state.needsOfficer })}` : ''}
        {state.pending > state.needsOfficer ? <button type="button" className="link" onClick={() => void syncNow({ force: true })}>{t('retryNow')}</button> : null}
      </div>
    );
  }
  return others;
}
