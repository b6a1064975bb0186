// The live preview: the officers' own renderer (FormRenderer + FormSession, the real engine) on
// the draft as it is a moment after the last edit, under a campaign's parameters and optionally a
// demo household from the registry (its values pre-filled). It can be filled with test values,
// checked as a whole, and saved as a test case; a photo or signature is 有/无 there (a sample
// file). Typed values survive each rebuild. The draft's validators come precompiled from the server (useDraftValidators): this page compiles no code.
import { useEffect, useMemo, useRef, useState } from 'react';
import { prefillData, type FormCase, type FormData, type FormDefinition, type Household } from '@engine';
import { api } from '../../../api/http';
import type { Campaign, HouseholdSummary, Paged } from '../../../api/types';
import { useLoad } from '../../../components/useLoad';
import { ErrorSummary } from '../../../form/ErrorSummary';
import { FormRenderer } from '../../../form/FormRenderer';
import { FormSession } from '../../../form/FormSession';
import { prepareForm } from '../../../form/loadValidators';
import { FormStoreContext } from '../../../form/useFormStore';
import { t } from '../../../i18n/tAdmin';
import { useBuilder } from './BuilderContext';
import { SaveCaseForm } from './SaveCaseForm';
import { fits, type DraftValidators } from './useDraftValidators';

const REBUILD_MS = 400;

export interface PreviewLoad {
  data: FormData;
  household: Household | null;
  params: Record<string, unknown> | null;
  /** Changes on every request, so loading the same case twice still reloads. */
  at: number;
}

interface Props {
  definition: FormDefinition;
  validators: DraftValidators;
  campaigns: Campaign[];
  campaignId: string;
  onCampaign(id: string): void;
  load: PreviewLoad | null;
  caseNames: string[];
  onSaveCase(c: FormCase): Promise<boolean>;
}

let builds = 0;

export function PreviewPane({ definition, validators, campaigns, campaignId, onCampaign, load, caseNames, onSaveCase }: Props) {
  const [shown, setShown] = useState(definition);
  useEffect(() => {
    const timer = setTimeout(() => setShown(definition), REBUILD_MS);
    return () => clearTimeout(timer);
  }, [definition]);
  const households = useLoad(() => api<Paged<HouseholdSummary>>('GET', '/api/households?pageSize=50'), []);
  const [householdId, setHouseholdId] = useState('');
  const [household, setHousehold] = useState<Household | null>(null);
  const [override, setOverride] = useState<Record<string, unknown> | null>(null);
  const [round, setRound] = useState(0);
  const [saving, setSaving] = useState(false);
  const data = useRef<FormData>({});
  const campaign = campaigns.find((c) => c.id === campaignId);
  const params = useMemo(() => ({ ...(campaign?.parameters ?? {}), ...(override ?? {}) }), [campaign, override]);

  useEffect(() => {
    if (!load) return;
    data.current = structuredClone(load.data);
    setHousehold(load.household);
    setHouseholdId('');
    setOverride(load.params);
    setRound((n) => n + 1);
  }, [load]);

  const ready = fits(validators, shown.schema) ? validators.served : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: round (a loaded household or case) rebuilds the session over data.current, which it reads from a ref.
  const built = useMemo(() => {
    if (!ready) return { session: null, validator: null, id: ++builds, error: validators.error };
    try {
      const prepared = prepareForm(shown, ready);
      const session = new FormSession({ form: prepared.form, context: { params, household }, data: data.current });
      data.current = session.data();
      session.onData((d) => {
        data.current = d;
      });
      return { session, validator: prepared.validator, id: ++builds, error: null };
    } catch (e) {
      return { session: null, validator: null, id: ++builds, error: (e as Error).message };
    }
  }, [shown, ready, validators.error, params, household, round]);

  // The field selected in the tree is brought into view in the preview.
  const { selection } = useBuilder();
  const region = useRef<HTMLElement>(null);
  useEffect(() => {
    if (selection.kind !== 'field') return;
    const pointer = `/${selection.key.split('.')[0]}`;
    region.current?.querySelector(`[data-pointer="${CSS.escape(pointer)}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selection]);

  const chooseHousehold = (id: string) => {
    setHouseholdId(id);
    const h = (households.value?.items ?? []).find((x) => x.id === id) ?? null;
    setHousehold(h);
    data.current = h ? prefillData(shown, h) : {};
    setRound((n) => n + 1);
  };

  return (
    <div className="preview-pane">
      <div className="preview-controls">
        <label>{t('ad_previewCampaign')}
          <select value={campaignId} onChange={(e) => { setOverride(null); onCampaign(e.target.value); }}>
            <option value="">{t('ad_noCampaign')}</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </label>
        <label>{t('ad_previewHousehold')}
          <select value={householdId} onChange={(e) => chooseHousehold(e.target.value)}>
            <option value="">{household && !householdId ? household.headName : t('ad_noHousehold')}</option>
            {(households.value?.items ?? []).map((h) => <option key={h.id} value={h.id}>{h.headName}（{h.kind ?? '—'}，{h.divisionCode}）</option>)}
          </select>
        </label>
        <div className="page-actions">
          <button type="button" onClick={() => built.session?.validate(true)} disabled={!built.session}>{t('ad_previewCheck')}</button>
          <button type="button" onClick={() => { data.current = household ? prefillData(shown, household) : {}; setRound((n) => n + 1); }}>{t('ad_previewClear')}</button>
          <button type="button" className="primary" disabled={!built.session} onClick={() => setSaving(true)}>{t('ad_saveAsCase')}</button>
        </div>
        {override ? <p className="field-note">{t('ad_caseParamsInUse', { params: JSON.stringify(override) })}</p> : null}
      </div>
      {saving && built.session ? (
        <SaveCaseForm definition={shown} form={built.session.form} data={built.session.data()} household={household} params={params} takenNames={caseNames}
          onSave={onSaveCase} onCancel={() => setSaving(false)} />
      ) : null}
      {built.error ? <p className="formula-error" role="alert">{t('ad_previewBroken', { message: built.error })}</p> : null}
      {!built.session && !built.error ? <p className="muted" role="status">{t('ad_previewLoading')}</p> : null}
      {built.session && built.validator ? (
        <section className="preview-form" aria-label={t('ad_preview')} ref={region}>
          <FormStoreContext.Provider value={built.session.store}>
            <ErrorSummary session={built.session} />
          </FormStoreContext.Provider>
          <FormRenderer key={built.id} definition={shown} session={built.session} validator={built.validator} evidenceSamples />
        </section>
      ) : null}
    </div>
  );
}
