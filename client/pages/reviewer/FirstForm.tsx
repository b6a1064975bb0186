// /review: opens the table of the form with the most submissions waiting in the reviewer's area
// (a township at a desk starts where the work is), or says there is no form.
import { useEffect } from 'react';
import { navigate } from '../../app/router';
import { Layout, Loading } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/tReviewer';
import { useCatalog } from './ReviewerCatalog';
import { reviewerApi } from './reviewerApi';

/** The form whose table opens first: the one with the most submissions waiting in my area. */
export function FirstForm() {
  const { forms } = useCatalog();
  const waiting = useLoad(() => Promise.all(forms.map(async (f) => ({ id: f.id, n: await reviewerApi.waiting(f.id).catch(() => 0) }))), [forms]);
  const first = waiting.value ? [...waiting.value].sort((a, b) => b.n - a.n)[0]?.id : undefined;
  useEffect(() => {
    if (first) navigate(`/review/forms/${encodeURIComponent(first)}`, { replace: true });
  }, [first]);
  if (forms.length === 0) return <Layout title={t('rv_title')} wide><p className="empty">{t('rv_noForms')}</p></Layout>;
  return <Layout title={t('rv_title')} wide><Loading /></Layout>;
}
