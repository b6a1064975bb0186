// The registry household beside the submission: what the registry says now (head, kind,
// address, monitoring months, members), to compare with what the officer filled.
import type { HouseholdDetail } from '../../api/types';
import { KindBadge } from '../../components/StatusBadge';
import { t } from '../../i18n/tReviewer';
import { HouseholdWarnings } from '../../verification/HouseholdWarnings';

export function HouseholdPanel({ household }: { household: HouseholdDetail | null }) {
  return (
    <section className="panel rv-household">
      <h2>{t('rv_household')} {household ? <KindBadge kind={household.kind} /> : null}</h2>
      {household ? (
        <>
          <dl className="facts">
            <dt>户主</dt><dd>{household.headName}</dd>
            <dt>证件号码</dt><dd>{household.headIdNumber}</dd>
            <dt>所在村</dt><dd>{household.divisionName ?? household.divisionCode}</dd>
            <dt>家庭住址</dt><dd>{household.address ?? '—'}</dd>
            <dt>联系电话</dt><dd>{household.phone ?? '—'}</dd>
            {household.identifiedMonth ? (<><dt>纳入监测</dt><dd>{household.identifiedMonth}</dd></>) : null}
            {household.riskEliminatedMonth ? (<><dt>风险消除</dt><dd>{household.riskEliminatedMonth}（{household.riskEliminationMethod ?? ''}）</dd></>) : null}
          </dl>
          <h3>{t('members')}（{t('memberCount', { n: household.members.length })}）</h3>
          <ul className="members">
            {household.members.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: members as registered, in order, display only; an ID number may be blank or repeated in a household under review, so the index completes the key.
              <li key={`${m.idNumber}-${i}`}><strong>{m.name}</strong> {m.relation ?? ''} · {m.idNumber}</li>
            ))}
          </ul>
          <HouseholdWarnings householdId={household.id} />
        </>
      ) : <p className="muted">{t('rv_noHousehold')}</p>}
    </section>
  );
}
