// The expected households with no submission of the form yet, household by household (village,
// head, kind, phone), a page at a time: what each village still has to visit.
import { useState } from 'react';
import { KindBadge } from '../../components/StatusBadge';
import { ErrorMessage, Loading } from '../../components/Layout';
import { maskIdNumber } from '../../components/maskIdNumber';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/tReviewer';
import { Pager } from './Pager';
import { reviewerApi } from './reviewerApi';

export function MissingHouseholds({ formId, campaign, division }: { formId: string; campaign: string | undefined; division: string | undefined }) {
  const [page, setPage] = useState(1);
  const missing = useLoad(() => reviewerApi.missing(formId, campaign, division, page), [formId, campaign, division, page]);
  const list = missing.value;
  return (
    <section className="panel">
      <h2>{t('rv_missingHouseholds')}{list ? `（${list.total}）` : ''}</h2>
      {missing.error ? <ErrorMessage message={missing.error} retry={missing.reload} /> : null}
      {!list && missing.loading ? <Loading /> : null}
      {list && list.total === 0 ? <p className="muted">{t('rv_noMissing')}</p> : null}
      {list?.items.length ? (
        <>
          <div className="rv-table-wrap">
            <table className="rv-table">
              <thead>
                <tr>
                  <th scope="col">{t('rv_village')}</th><th scope="col">{t('rv_head')}</th><th scope="col">{t('rv_idNumber')}</th>
                  <th scope="col">{t('rv_kind')}</th><th scope="col">{t('rv_members')}</th><th scope="col">{t('rv_phone')}</th><th scope="col">{t('rv_address')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((h) => (
                  <tr key={h.id}>
                    <td>{h.villageName}</td><td>{h.headName}</td><td className="rv-id">{maskIdNumber(h.headIdNumber)}</td><td><KindBadge kind={h.kind ?? undefined} /></td>
                    <td>{h.memberCount}</td><td>{h.phone ?? '—'}</td><td>{h.address ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={list.pageSize} total={list.total} onPage={setPage} />
        </>
      ) : null}
    </section>
  );
}
