// A campaign's form versions: the version of each form it serves (a newer published one may be
// adopted here, optionally moving the campaign's open drafts and returned submissions along), and
// the record of its adoptions — who changed which form from which version to which, and when.
import { useState } from 'react';
import type { CampaignDetail } from '../../../api/types';
import { t } from '../../../i18n/tAdmin';
import { adminApi } from '../adminApi';
import { ActionMessage, useAction } from '../components/useAction';

interface Props {
  campaign: CampaignDetail;
  forms: { id: string; title: string; version: number | null }[];
  onAdopted(campaign: CampaignDetail): void;
  reload(): void;
}

export function CampaignVersions({ campaign, forms, onAdopted, reload }: Props) {
  const [moveOpen, setMoveOpen] = useState(true);
  const action = useAction();
  const titleOf = (id: string) => campaign.formTitles[id] ?? forms.find((f) => f.id === id)?.title ?? id;
  const adopt = async (formId: string, version: number) => {
    const saved = await action.run(() => adminApi.adopt(campaign.id, campaign.revision, formId, version, moveOpen), t('ad_campaignSaved'));
    if (saved) onAdopted(saved);
  };
  const served = Object.entries(campaign.formVersions ?? {});
  return (
    <section className="panel" aria-label={t('ad_formVersions')}>
      <h2>{t('ad_formVersions')}</h2>
      <ul className="card-list">
        {served.map(([formId, version]) => {
          const latest = forms.find((f) => f.id === formId)?.version ?? null;
          return (
            <li key={formId}>
              {t('ad_servesVersion', { form: titleOf(formId), version })}
              {latest !== null && latest > version ? (
                <>
                  <span className="muted">{t('ad_latestIs', { n: latest })}</span>{' '}
                  <button type="button" disabled={action.busy || campaign.status !== 'open'} onClick={() => void adopt(formId, latest)}>{t('ad_adoptLatest', { n: latest })}</button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {served.some(([formId, version]) => (forms.find((f) => f.id === formId)?.version ?? 0) > version) ? (
        <label className="check"><input type="checkbox" checked={moveOpen} onChange={(e) => setMoveOpen(e.target.checked)} />{t('ad_moveOpenHere')}</label>
      ) : null}
      <ActionMessage action={action} onReload={reload} />
      {campaign.adoptions?.length ? (
        <>
          <h3>{t('ad_adoptions')}</h3>
          <ul className="changes" aria-label={t('ad_adoptions')}>
            {campaign.adoptions.map((a) => (
              <li key={a.id}>{t('ad_adoptionLine', {
                at: new Date(a.at).toLocaleString('zh-CN'), user: a.username, form: titleOf(a.formId), to: a.toVersion,
                from: a.fromVersion === null ? t('ad_adoptionFromNone') : t('ad_adoptionFrom', { n: a.fromVersion }),
              })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
