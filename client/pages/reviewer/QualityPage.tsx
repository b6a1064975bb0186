// 数据质量 (数据清洗): what each village must fix, listed per village and per household —
// submissions whose warnings are set (a kind that does not match the income…), with every
// message, and member ID numbers registered in two or more households, with each of them.
import { useState } from 'react';
import { Link, navigate, useLocation } from '../../app/router';
import type { DuplicateNumber, WarnedSubmission } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/Layout';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/tReviewer';
import { DivisionTree } from './DivisionTree';
import { Pager } from './Pager';
import { reviewerApi } from './reviewerApi';
import { useCatalog } from './ReviewerCatalog';
import { ReviewerFrame } from './ReviewerFrame';

/** Items grouped by village, then by a key within it, keeping their order. */
function groupBy<T>(items: T[], village: (item: T) => string, key: (item: T) => string): [string, [string, T[]][]][] {
  const villages = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    const v = village(item);
    if (!villages.has(v)) villages.set(v, new Map());
    const inVillage = villages.get(v)!;
    const k = key(item);
    if (!inVillage.has(k)) inVillage.set(k, []);
    inVillage.get(k)!.push(item);
  }
  return [...villages].map(([v, keyed]) => [v, [...keyed]]);
}

function VillageChips({ villages }: { villages: { code: string; name: string; count: number }[] }) {
  if (villages.length === 0) return null;
  return (
    <p className="rv-chips">
      {t('rv_perVillage')}
      {villages.map((v) => <span key={v.code} className="badge">{v.name} {v.count}</span>)}
    </p>
  );
}

function Warnings({ form, division }: { form: string | undefined; division: string | undefined }) {
  const [page, setPage] = useState(1);
  const answer = useLoad(() => reviewerApi.warnings(form, division, page), [form, division, page]);
  const a = answer.value;
  return (
    <section className="panel">
      <h2>{t('rv_qualityWarnings')}{a ? `（${a.total}）` : ''}</h2>
      {answer.error ? <ErrorMessage message={answer.error} retry={answer.reload} /> : null}
      {!a && answer.loading ? <Loading /> : null}
      {a && a.total === 0 ? <p className="muted">{t('rv_noWarnings')}</p> : null}
      {a ? <VillageChips villages={a.villages} /> : null}
      {a ? groupBy<WarnedSubmission>(a.items, (s) => s.villageName || s.divisionCode, (s) => s.householdId ?? s.id).map(([village, households]) => (
        <div key={village} className="rv-quality-village">
          <h3>{village}</h3>
          <ul className="rv-quality-list">
            {households.map(([key, submissions]) => (
              <li key={key}>
                <strong>{submissions[0]!.headName}</strong> <span className="rv-id">{submissions[0]!.headIdNumber}</span>
                {submissions.map((s) => (
                  <div key={s.id} className="rv-quality-item">
                    <Link to={`/review/submissions/${s.id}`}>{s.formTitle}</Link> <StatusBadge status={s.status} />
                    {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
                    <ul>{s.warnings.map((w, i) => <li key={i} className="issue warning">{w.message}</li>)}</ul>
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )) : null}
      {a && a.total > a.pageSize ? <Pager page={page} pageSize={a.pageSize} total={a.total} onPage={setPage} /> : null}
    </section>
  );
}

function Duplicates({ division }: { division: string | undefined }) {
  const [page, setPage] = useState(1);
  const answer = useLoad(() => reviewerApi.duplicates(division, page), [division, page]);
  const a = answer.value;
  const firstVillage = (d: DuplicateNumber) => d.holders.find((h) => h.inScope)?.villageName ?? '';
  return (
    <section className="panel">
      <h2>{t('rv_qualityDuplicates')}{a ? `（${a.total}）` : ''}</h2>
      {answer.error ? <ErrorMessage message={answer.error} retry={answer.reload} /> : null}
      {!a && answer.loading ? <Loading /> : null}
      {a && a.total === 0 ? <p className="muted">{t('rv_noDuplicates')}</p> : null}
      {a ? <VillageChips villages={a.villages} /> : null}
      {a ? groupBy<DuplicateNumber>(a.items, firstVillage, (d) => d.idNumber).map(([village, numbers]) => (
        <div key={village} className="rv-quality-village">
          <h3>{village}</h3>
          <ul className="rv-quality-list">
            {numbers.map(([idNumber, [d]]) => (
              <li key={idNumber}>
                <strong className="rv-id">{idNumber}</strong> {t('rv_inHouseholds')}
                <ul>
                  {d!.holders.map((h, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the households holding one ID number, display only; holders outside the reviewer's scope carry no household id.
                    <li key={i}>
                      {h.inScope
                        ? <>{h.villageName} · 户主 <strong>{h.headName}</strong>（{h.headIdNumber}）· {t('rv_memberOf', { member: h.memberName ?? '', relation: h.relation ?? '—' })}</>
                        : <span className="muted">{t('rv_outOfScope', { village: h.villageName || h.divisionCode })}</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )) : null}
      {a && a.total > a.pageSize ? <Pager page={page} pageSize={a.pageSize} total={a.total} onPage={setPage} /> : null}
    </section>
  );
}

export function QualityPage() {
  const catalog = useCatalog();
  const { query } = useLocation();
  const form = query.get('form') || undefined;
  const division = /^\d{2,12}$/.test(query.get('division') ?? '') ? query.get('division')! : undefined;
  const go = (next: { form?: string; division?: string }) => {
    const params = new URLSearchParams();
    const f = 'form' in next ? next.form : form;
    const d = 'division' in next ? next.division : division;
    if (f) params.set('form', f);
    if (d) params.set('division', d);
    navigate(`/review/quality${params.toString() ? `?${params}` : ''}`);
  };
  return (
    <ReviewerFrame
      tab="quality"
      selection={{ formId: form, division }}
      onForm={(f) => go({ form: f })}
      onCampaign={() => {}}
      allCampaigns
      allForms
      side={<DivisionTree roots={catalog.tree} selected={division} onSelect={(d) => go({ division: d })} />}
    >
      <Warnings key={`w-${form ?? ''}-${division ?? ''}`} form={form} division={division} />
      <Duplicates key={`d-${division ?? ''}`} division={division} />
    </ReviewerFrame>
  );
}
