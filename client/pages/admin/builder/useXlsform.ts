// The builder's Excel (XLSForm) tools: download the draft (saved first) or the version the builder
// started from as a workbook; check an uploaded workbook on the server (a dry run: its report), and
// save it as the draft only after the report says the workbook, the definition check and the
// form's test cases all pass. Publishing stays the publish tab's: a new version comes from there.
import type { XlsformImport } from '@engine/contract';
import { useState } from 'react';
import { request } from '../../../api/http';
import { tXlsform as t } from '../../../i18n/tXlsform';
import { adminApi } from '../adminApi';
import { messageOf } from '../components/useAction';

interface Options {
  formId: string;
  /** Saves pending changes (false: it failed, and said why). */
  save(): Promise<boolean>;
  dirty: boolean;
  hasDraft: boolean;
  baseVersion: number | null;
  revision(): number;
  /** After a save: load the new draft, and show the notice (this hook's state goes with the old draft). */
  onSaved(notice: string): void;
}

export function useXlsform({ formId, save, dirty, hasDraft, baseVersion, revision, onSaved }: Options) {
  const [report, setReport] = useState<XlsformImport | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setError(null);
    // Unsaved changes are saved first, so the workbook is what the builder shows.
    if (dirty && !(await save())) return;
    const version = dirty || hasDraft ? 'draft' : String(baseVersion ?? '');
    try {
      const response = await request('GET', `/api/forms/${encodeURIComponent(formId)}/xlsform${version ? `?version=${version}` : ''}`);
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `${formId}.xlsx`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const check = async (chosen: File) => {
    setError(null);
    setReport(null);
    setBusy(true);
    try {
      setFile(chosen);
      setReport(await adminApi.importXlsform(formId, chosen, { dryRun: true, title: chosen.name.replace(/\.xlsx$/i, '') }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const saveImport = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await adminApi.importXlsform(formId, file, { dryRun: false, revision: revision(), title: file.name.replace(/\.xlsx$/i, '') });
      setReport(null);
      onSaved(t('xl_saved', { revision: done.revision ?? '' }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { report, busy, error, download, check, saveImport, close: () => setReport(null) };
}
