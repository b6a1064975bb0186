// One form: its versions, each with the readable list of what changed since the one before and
// its definition to download; the draft waiting to be published (download it, replace it with a
// JSON file — checked, problems shown — or open it in the builder). A replacement states the draft
// revision it was made from; when another administrator changed the draft first, the page says so
// and offers the latest.
import { useState } from 'react';
import { Link } from '../../../app/router';
import type { FormDefinition } from '@engine';
import { ErrorMessage, Layout, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tAdmin';
import { adminApi } from '../adminApi';
import { downloadJson, readJsonFile } from '../components/jsonFiles';
import { ProblemList, problemsOf } from '../components/ProblemList';
import { ActionMessage, useAction } from '../components/useAction';

export function FormPage({ formId }: { formId: string }) {
  const versions = useLoad(() => adminApi.versions(formId), [formId]);
  const draft = useLoad(() => adminApi.draft(formId), [formId]);
  const [expanded, setExpanded] = useState<number | null>(null);
  const upload = useAction();
  const download = useAction();
  const title = draft.value?.definition?.title ?? (versions.value?.length ? undefined : formId);
  const replaceDraft = async (file: File) => {
    const read = await readJsonFile(file);
    await upload.run(async () => {
      if (!read.ok) throw new Error(read.message);
      const definition = { ...(read.value as FormDefinition), id: formId };
      await adminApi.saveDraft(formId, definition, draft.value?.revision ?? 0);
      draft.reload();
    }, t('ad_draftReplaced'));
  };
  const items = [...(versions.value ?? [])].reverse();
  return (
    <Layout title={title ?? t('ad_forms')} back="/admin/forms" wide>
      <section className="panel">
        <h2>{t('ad_draft')}</h2>
        {draft.loading && !draft.value ? <Loading /> : null}
        <p>{draft.value?.definition ? t('ad_draftWaiting') : t('ad_noDraft')}</p>
        <div className="page-actions">
          <Link className="button primary" to={`/admin/forms/${formId}/edit`}>{t('ad_openBuilder')}</Link>
          {draft.value?.definition ? <button type="button" onClick={() => downloadJson(`${formId}-草稿.json`, draft.value!.definition)}>{t('ad_downloadDraft')}</button> : null}
          <label className="button file-button">{t('ad_uploadDraft')}
            <input type="file" accept=".json,application/json" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void replaceDraft(f); }} />
          </label>
        </div>
        <ActionMessage action={upload} onReload={() => { upload.clear(); draft.reload(); }} />
        <ProblemList problems={problemsOf(upload.details)} />
      </section>
      <section className="panel">
        <h2>{t('ad_versions')}</h2>
        {versions.error ? <ErrorMessage message={versions.error} retry={versions.reload} /> : null}
        {items.length === 0 && !versions.loading ? <p className="muted">{t('ad_noVersions')}</p> : null}
        <ol className="version-list" reversed>
          {items.map((v) => (
            <li key={v.version}>
              <div className="version-head">
                <strong>{t('formVersion', { n: v.version })}</strong>
                <span className="muted">{new Date(v.publishedAt).toLocaleString('zh-CN')} · {v.publishedBy}</span>
                <button type="button" className="link" aria-expanded={expanded === v.version} onClick={() => setExpanded(expanded === v.version ? null : v.version)}>
                  {t('ad_changesCount', { n: v.changes.length })}
                </button>
                <button type="button" className="link" onClick={() => void download.run(async () => {
                  const loaded = await adminApi.version(formId, v.version);
                  downloadJson(`${formId}-v${v.version}.json`, loaded.definition);
                })}>{t('ad_downloadJson')}</button>
              </div>
              {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
              {expanded === v.version ? <ul className="changes">{v.changes.map((c, i) => <li key={i}>{c}</li>)}</ul> : null}
            </li>
          ))}
        </ol>
        <ActionMessage action={download} />
      </section>
    </Layout>
  );
}
