// One campaign, edited: title, year and description, open or closed, the forms it uses, the
// parameters those forms' rules read (income line, income period, reference date…), and the
// divisions it covers (none chosen: everywhere), the 民主评议 and 公示 steps of each form's approval
// chain (ApprovalStepsEditor); the version of each form it serves and its
// adoptions (CampaignVersions); after a clone, each parameter and the description marked 待确认
// with a button to confirm it, sent with the next save. Saved at once and checked by the server; a
// refusal names the field in Chinese. A save states the revision it was made from: when another
// administrator saved first, the server refuses it and the page offers the latest version.
import { useState } from 'react';
import type { CampaignDetail, CampaignParameters, Division } from '../../../api/types';
import { ErrorMessage, Layout, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tAdmin';
import { adminApi } from '../adminApi';
import { DivisionPicker } from '../components/DivisionPicker';
import { ActionMessage, useAction } from '../components/useAction';
import { ApprovalStepsEditor, type ApprovalSteps } from './ApprovalStepsEditor';
import { CampaignForms } from './CampaignForms';
import { CampaignVersions } from './CampaignVersions';
import { ConfirmMark, ParameterFields, type Marks } from './ParameterFields';
import { useDeclarations } from './useDeclarations';

export function CampaignPage({ id }: { id: string }) {
  const campaign = useLoad(() => adminApi.campaign(id), [id]);
  const forms = useLoad(adminApi.forms, []);
  const divisions = useLoad(adminApi.divisions, []);
  if (campaign.error) return <Layout title={t('ad_campaigns')} back="/admin/campaigns" wide><ErrorMessage message={campaign.error} retry={campaign.reload} /></Layout>;
  if (!campaign.value) return <Layout title={t('ad_campaigns')} back="/admin/campaigns" wide><Loading /></Layout>;
  return (
    <CampaignEditor key={`${campaign.value.id}@${campaign.value.revision}`} initial={campaign.value} forms={forms.value ?? []}
      divisions={divisions.value ?? []} reload={campaign.reload} />
  );
}

interface EditorProps {
  initial: CampaignDetail;
  forms: { id: string; title: string; version: number | null }[];
  divisions: Division[];
  /** Loads the latest version, dropping what was typed here. */
  reload(): void;
}

function CampaignEditor({ initial, forms, divisions, reload }: EditorProps) {
  const [campaign, setCampaign] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [year, setYear] = useState(initial.year);
  const [description, setDescription] = useState(initial.description);
  const [status, setStatus] = useState(initial.status);
  const [chosen, setChosen] = useState(initial.forms);
  // Stored as they were sent (numbers and texts, which the server accepts and no other).
  const [parameters, setParameters] = useState(initial.parameters as CampaignParameters);
  const [covered, setCovered] = useState(initial.divisions);
  const [steps, setSteps] = useState<ApprovalSteps>((initial.approvalSteps ?? {}) as ApprovalSteps);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const declarations = useDeclarations(chosen);
  const action = useAction();
  const unconfirmed = campaign.unconfirmed ?? [];
  const marks: Marks = { unconfirmed, confirmed, onConfirm: (key) => setConfirmed((c) => [...c, key]) };
  const save = async () => {
    const confirm = confirmed.filter((key) => unconfirmed.includes(key));
    const saved = await action.run(
      () => adminApi.updateCampaign(campaign.id, campaign.revision, {
        title: title.trim(), year, description, status, forms: chosen, parameters, divisions: covered, approvalSteps: steps,
        ...(confirm.length ? { confirm } : {}),
      }),
      t('ad_campaignSaved'),
    );
    if (saved) {
      setCampaign(saved);
      setConfirmed([]);
    }
  };
  const left = unconfirmed.filter((key) => !confirmed.includes(key));
  return (
    <Layout title={campaign.title} back="/admin/campaigns" wide>
      {left.length ? <p className="banner warning" role="note">{t('ad_unconfirmedBanner', { n: left.length })}</p> : null}
      <form className="admin-form panel" aria-label={t('ad_editCampaign')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label>{t('ad_campaignTitle')}<input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
        <label>{t('ad_year')}<input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} /></label>
        <label className="wide-field">{t('ad_description')}<textarea value={description} onChange={(e) => setDescription(e.target.value)} />
          <ConfirmMark item="description" marks={marks} /></label>
        <fieldset>
          <legend>{t('ad_state')}</legend>
          <label className="check"><input type="radio" name="status" checked={status === 'open'} onChange={() => setStatus('open')} />{t('ad_openExplain')}</label>
          <label className="check"><input type="radio" name="status" checked={status === 'closed'} onChange={() => setStatus('closed')} />{t('ad_closedExplain')}</label>
        </fieldset>
        <CampaignForms forms={forms} chosen={chosen} onChange={setChosen} />
        <fieldset className="wide-field">
          <legend>{t('ad_parameters')}</legend>
          <ParameterFields declarations={declarations} value={parameters} onChange={setParameters} marks={marks} />
        </fieldset>
        <ApprovalStepsEditor forms={forms} chosen={chosen} value={steps} onChange={setSteps} />
        <fieldset className="wide-field">
          <legend>{t('ad_coverage')}</legend>
          <DivisionPicker divisions={divisions} value={covered} onChange={setCovered} emptyLabel={t('ad_everywhere')} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>{t('save')}</button>
          <ActionMessage action={action} onReload={reload} />
        </div>
      </form>
      <CampaignVersions campaign={campaign} forms={forms} onAdopted={setCampaign} reload={reload} />
    </Layout>
  );
}
