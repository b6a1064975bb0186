// The administrator's 行政区划 page: register the county from the official list, see the
// registered tree with each division's households, adjust it with a sheet, and read the history.
// Every change reloads the tree, the counts and the history.
import { ErrorMessage, Layout, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tAdmin';
import { adminApi } from '../adminApi';
import { AdjustmentPanel } from './AdjustmentPanel';
import { ChangeList } from './ChangeList';
import { divisionsApi } from './divisionsApi';
import { OfficialImport } from './OfficialImport';
import { RegisteredTree } from './RegisteredTree';

export function DivisionsPage() {
  const registered = useLoad(async () => {
    const [divisions, counts, changes] = await Promise.all([adminApi.divisions(), divisionsApi.householdCounts(), divisionsApi.changes()]);
    return { divisions, counts, changes };
  }, []);
  const value = registered.value;
  return (
    <Layout title={t('dv_title')} back="/admin" wide>
      <OfficialImport onImported={registered.reload} />
      <section className="panel">
        <h2>{t('dv_registered')}</h2>
        <p className="muted">{t('dv_registeredExplain')}</p>
        {registered.loading && !value ? <Loading /> : null}
        {registered.error ? <ErrorMessage message={registered.error} retry={registered.reload} /> : null}
        {value ? <RegisteredTree divisions={value.divisions} counts={value.counts} onChanged={registered.reload} /> : null}
      </section>
      <AdjustmentPanel divisions={value?.divisions ?? []} onApplied={registered.reload} />
      <section className="panel">
        <h2>{t('dv_changes')}</h2>
        {value ? <ChangeList changes={value.changes} divisions={value.divisions} /> : null}
      </section>
    </Layout>
  );
}
