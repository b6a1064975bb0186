// Forms: each with its latest version, a waiting draft and the campaigns using it; a new form
// (id and title, then the builder), or one imported from a JSON definition file.
import { useState } from 'react';
import { Link, navigate } from '../../../app/router';
import type { FormDefinition } from '@engine';
import { ErrorMessage, Layout, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tAdmin';
import { adminApi } from '../adminApi';
import { readJsonFile } from '../components/jsonFiles';
import { ProblemList, problemsOf } from '../components/ProblemList';
import { ActionMessage, useAction } from '../components/useAction';
import { newDefinition } from './newDefinition';

function NewFormForm() {
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const action = useAction();
  const create = async (definition: FormDefinition) => {
    const created = await action.run(() => adminApi.createForm(definition));
    if (created) navigate(`/admin/forms/${definition.id}/edit`);
  };
  const importFile = async (file: File) => {
    const read = await readJsonFile(file);
    if (!read.ok) return void action.run(() => Promise.reject(new Error(read.message)));
    await create(read.value as FormDefinition);
  };
  return (
    <section className="panel">
      <h2>{t('ad_newForm')}</h2>
      <form className="admin-form" onSubmit={(e) => { e.preventDefault(); void create(newDefinition(id.trim(), title.trim())); }}>
        <label>{t('ad_formId')}<input value={id} onChange={(e) => setId(e.target.value)} placeholder="lookback-2022" pattern="[a-z][a-z0-9-]{1,62}" title={t('ad_formIdRule')} required /></label>
        <label>{t('ad_formTitle')}<input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>{t('ad_createForm')}</button>
          <label className="button file-button">{t('ad_importJsonAsNew')}
            <input type="file" accept=".json,application/json" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f); }} />
          </label>
        </div>
        <ActionMessage action={action} />
        <ProblemList problems={problemsOf(action.details)} />
      </form>
    </section>
  );
}

export function FormsPage() {
  const forms = useLoad(adminApi.forms, []);
  return (
    <Layout title={t('ad_forms')} back="/admin" wide>
      <NewFormForm />
      {forms.loading && !forms.value ? <Loading /> : null}
      {forms.error ? <ErrorMessage message={forms.error} retry={forms.reload} /> : null}
      <ul className="card-list">
        {(forms.value ?? []).map((f) => (
          <li key={f.id}>
            <Link to={`/admin/forms/${f.id}`} className="card-link">
              <strong>{f.title}</strong>
              {f.version === null ? <span className="badge status-draft">{t('ad_unpublished')}</span> : <span className="badge">{t('formVersion', { n: f.version })}</span>}
              {f.hasDraft ? <span className="badge status-submitted">{t('ad_hasDraft')}</span> : null}
              <span className="muted">{f.id}{f.campaigns.length ? ` · ${f.campaigns.map((c) => c.title).join('、')}` : ''}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
