// 本村农户位置图 under the reviewer's table when it is narrowed to a village: opened on request
// (it reads every submission of the village), it plots the households' positions from the
// form's location fields (VillagePlot). Forms without a location field say so.
import { useState } from 'react';
import { buildFieldIndex, type FieldIndex } from '@engine';
import { ErrorMessage, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tReviewer';
import { listAllSubmissions } from '../listAllSubmissions';
import { reviewerApi } from '../reviewerApi';
import { VillagePlot } from './VillagePlot';
import { hasLocationField, villagePositions, type VillagePositions } from './villagePositions';

const MAX_PLOTTED = 2000;

interface Plotted {
  positions: VillagePositions | null;
  cut: boolean;
}

async function loadPositions(formId: string, division: string, campaign: string | undefined): Promise<Plotted> {
  const { items, cut } = await listAllSubmissions(formId, { division, campaign, sort: 'updatedAt', order: 'desc' }, MAX_PLOTTED);
  const versions = [...new Set(items.map((s) => s.formVersion))];
  const indexes = new Map<number, FieldIndex>(await Promise.all(versions.map(async (v) => [v, buildFieldIndex((await reviewerApi.formVersion(formId, v)).definition.schema)] as const)));
  // A village with no submission yet has nothing to plot, whatever its fields.
  if (items.length && ![...indexes.values()].some(hasLocationField)) return { positions: null, cut };
  return { positions: villagePositions(items, (v) => indexes.get(v)!), cut };
}

function Loaded({ formId, division, campaign, village }: { formId: string; division: string; campaign?: string; village: string }) {
  const loaded = useLoad(() => loadPositions(formId, division, campaign), [formId, division, campaign]);
  if (loaded.error) return <ErrorMessage message={loaded.error} retry={loaded.reload} />;
  if (!loaded.value) return <Loading />;
  const { positions, cut } = loaded.value;
  if (!positions) return <p className="muted">{t('pl_noField')}</p>;
  return (
    <>
      {cut ? <p role="alert">{t('pl_more', { n: MAX_PLOTTED })}</p> : null}
      <VillagePlot positions={positions} village={village} />
    </>
  );
}

export function VillagePlotSection(props: { formId: string; division: string; campaign?: string; village: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="panel rv-plot-section" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('pl_title')}</summary>
      {open ? <Loaded {...props} /> : null}
    </details>
  );
}
