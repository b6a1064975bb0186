// The pre-filled registry values the officer changed (更正), each with the registry's value and
// the new one: what a reviewer checks first.
import type { SubmissionDetail } from '../../api/types';
import { t } from '../../i18n/tReviewer';
import { shownValue } from './shownValue';

export function CorrectionsPanel({ corrections }: { corrections: SubmissionDetail['corrections'] }) {
  return (
    <section className="panel">
      <h2>{t('rv_corrections')}</h2>
      {corrections.length === 0 ? <p className="muted">{t('rv_noCorrections')}</p> : (
        <table className="rv-corrections">
          <thead><tr><th scope="col">{t('rv_field')}</th><th scope="col">{t('rv_registryValue')}</th><th scope="col">{t('rv_newValue')}</th></tr></thead>
          <tbody>
            {corrections.map((c) => (
              <tr key={c.field}><th scope="row">{c.title}</th><td>{shownValue(c.registryValue)}</td><td><strong>{shownValue(c.value)}</strong></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
