// The form builder: the draft of a form's next version (or, with no draft yet, its latest
// version to start from) edited as a tree of sections and fields, each part in its editor, the
// checker's problems beside the parts they concern, a live preview with the real renderer and
// engine, the form's test cases, and publishing. The draft is saved on request (the server checks
// it again: its 422 problems are shown); a definition can be downloaded or uploaded as JSON, or
// as an Excel workbook (XLSForm: useXlsform, its report in XlsformReport).
// Each save states the draft revision it was made from: when another administrator saved or
// published the draft first, the server refuses (409) and the page offers the latest draft.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  buildFieldIndex, checkDefinition, checkSchema, type DefinitionProblem, type FormCase, type FormDefinition, type FormulaScope, type FormulaType,
} from '@engine';
import { ApiError } from '../../../api/http';
import type { Campaign } from '../../../api/types';
import { ErrorMessage, Layout, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tAdmin';
import { tXlsform } from '../../../i18n/tXlsform';
import { adminApi } from '../adminApi';
import { downloadJson, readJsonFile } from '../components/jsonFiles';
import { ProblemList, problemsOf } from '../components/ProblemList';
import { messageOf } from '../components/useAction';
import { BuilderContext, type BuilderValue, type Selection } from './BuilderContext';
import { CasesPanel } from './CasesPanel';
import { FieldEditor } from './FieldEditor';
import { FormSettings } from './FormSettings';
import { FormTree } from './FormTree';
import { partOf, problemsByPart } from './model/problemsByPart';
import { PreviewPane, type PreviewLoad } from './PreviewPane';
import { PublishPanel } from './PublishPanel';
import { SectionEditor } from './SectionEditor';
import { useDraftValidators } from './useDraftValidators';
import { useXlsform } from './useXlsform';
import { XlsformReport } from './XlsformReport';

interface Loaded {
  definition: FormDefinition;
  /** The version the builder started from when there was no draft. */
  baseVersion: number | null;
  hasDraft: boolean;
  /** The draft revision loaded: the next save is made from it. */
  revision: number;
  cases: FormCase[];
  campaigns: Campaign[];
}

async function load(formId: string): Promise<Loaded> {
  const [draft, cases, campaigns] = await Promise.all([adminApi.draft(formId), adminApi.cases(formId), adminApi.campaigns()]);
  if (draft.definition) return { definition: draft.definition, baseVersion: null, hasDraft: true, revision: draft.revision, cases, campaigns };
  const latest = await adminApi.latest(formId);
  return { definition: latest.definition, baseVersion: latest.version, hasDraft: false, revision: draft.revision, cases, campaigns };
}

export function BuilderPage({ formId }: { formId: string }) {
  const loaded = useLoad(() => load(formId), [formId]);
  // The Excel import's notice outlives the builder it was made in: saving reloads the draft.
  const [imported, setImported] = useState<string | null>(null);
  if (loaded.error) return <Layout title={t('ad_builder')} back={`/admin/forms/${formId}`} wide><ErrorMessage message={loaded.error} retry={loaded.reload} /></Layout>;
  if (!loaded.value) return <Layout title={t('ad_builder')} back={`/admin/forms/${formId}`} wide><Loading /></Layout>;
  return (
    <Builder key={loaded.value.revision} formId={formId} initial={loaded.value} imported={imported}
      reload={() => { setImported(null); loaded.reload(); }} onImported={(notice) => { setImported(notice); loaded.reload(); }} />
  );
}

type Tab = 'preview' | 'cases' | 'problems' | 'publish';
const TABS: Tab[] = ['preview', 'cases', 'problems', 'publish'];

interface BuilderProps {
  formId: string;
  initial: Loaded;
  /** What the Excel import that saved this draft said, shown until the draft changes. */
  imported: string | null;
  reload(): void;
  /** A workbook was saved as the draft: reload it, saying so. */
  onImported(notice: string): void;
}

function Builder({ formId, initial, imported, reload, onImported }: BuilderProps) {
  const [definition, setDefinition] = useState(initial.definition);
  const current = useRef(initial.definition);
  const revision = useRef(initial.revision);
  const [stale, setStale] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [hasDraft, setHasDraft] = useState(initial.hasDraft);
  const [status, setStatus] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<DefinitionProblem[]>([]);
  const [selection, setSelection] = useState<Selection>({ kind: 'form' });
  const [broken, setBroken] = useState<ReadonlySet<string>>(new Set());
  const [cases, setCases] = useState(initial.cases);
  const [casesBusy, setCasesBusy] = useState(false);
  const [tab, setTab] = useState<Tab>('preview');
  const [preview, setPreview] = useState<PreviewLoad | null>(null);
  const using = initial.campaigns.filter((c) => c.status === 'open' && c.forms.includes(formId));
  const [campaignId, setCampaignId] = useState(() => [...using].sort((a, b) => b.year - a.year)[0]?.id ?? '');

  const change = useCallback(<T,>(edit: (draft: FormDefinition) => T): T => {
    const next = structuredClone(current.current);
    const out = edit(next);
    current.current = next;
    setDefinition(next);
    setDirty(true);
    setStatus(null);
    return out;
  }, []);
  const reportFormula = useCallback((id: string, isBroken: boolean) => setBroken((prev) => {
    if (prev.has(id) === isBroken) return prev;
    const next = new Set(prev);
    if (isBroken) next.add(id);
    else next.delete(id);
    return next;
  }), []);

  const checked = useDeferredValue(definition);
  // The schema is checked without compiling it: this page may evaluate no code (its CSP).
  const problems = useMemo(() => checkDefinition(checked, checkSchema), [checked]);
  const validators = useDraftValidators(formId, checked.schema);
  const allProblems = useMemo(() => [...problems, ...serverProblems.filter((s) => !problems.some((p) => p.path === s.path && p.message === s.message))], [problems, serverProblems]);
  const byPart = useMemo(() => problemsByPart(checked, allProblems), [checked, allProblems]);
  const index = useMemo(() => buildFieldIndex(definition.schema), [definition.schema]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh scope cache whenever the fields or the parameters change; the dependencies are the cache's key, not read inside.
  const scopes = useMemo(() => new Map<string, FormulaScope>(), [index, definition.parameters]);
  const scope = useCallback((table: string | null, expect?: FormulaType) => {
    const key = `${table ?? ''}|${expect ?? ''}`;
    let s = scopes.get(key);
    if (!s) {
      s = { fields: index, parameters: definition.parameters ?? {}, household: true, ...(table ? { table } : {}), ...(expect ? { expect } : {}) };
      scopes.set(key, s);
    }
    return s;
  }, [scopes, index, definition.parameters]);
  const value: BuilderValue = useMemo(() => ({
    definition, change, index, scope, problems: byPart, selection, select: setSelection, reportFormula,
  }), [definition, change, index, scope, byPart, selection, reportFormula]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const errors = allProblems.filter((p) => p.severity === 'error');
  const save = async (): Promise<boolean> => {
    if (!dirty && hasDraft) return true;
    setSaveError(null);
    setStale(false);
    try {
      revision.current = (await adminApi.saveDraft(formId, current.current, revision.current)).revision;
      setDirty(false);
      setHasDraft(true);
      setServerProblems([]);
      setStatus(t('ad_draftSaved', { time: new Date().toLocaleTimeString('zh-CN') }));
      return true;
    } catch (e) {
      setSaveError(messageOf(e));
      setStale(e instanceof ApiError && e.code === 'stale_revision');
      if (e instanceof ApiError) setServerProblems(problemsOf(e.details));
      return false;
    }
  };
  const importJson = async (file: File) => {
    const read = await readJsonFile(file);
    if (!read.ok) return setSaveError(read.message);
    const value = read.value as Partial<FormDefinition> | null;
    if (!value || typeof value !== 'object' || Array.isArray(value) || !value.schema || typeof value.schema !== 'object') {
      return setSaveError(t('ad_notADefinition'));
    }
    setSaveError(null);
    const next = { ...(value as FormDefinition), id: formId };
    current.current = next;
    setDefinition(next);
    setDirty(true);
    setSelection({ kind: 'form' });
    const found = checkDefinition(next, checkSchema).filter((p) => p.severity === 'error');
    setStatus(found.length ? t('ad_importedWithProblems', { n: found.length }) : t('ad_importedJson'));
    if (found.length) setTab('problems');
  };
  const saveCases = async (next: FormCase[]): Promise<boolean> => {
    setCasesBusy(true);
    try {
      setCases(await adminApi.saveCases(formId, next));
      return true;
    } catch (e) {
      setSaveError(messageOf(e));
      return false;
    } finally {
      setCasesBusy(false);
    }
  };
  const pick = (p: DefinitionProblem) => {
    const part = partOf(current.current, p.path);
    if (part.startsWith('field:')) setSelection({ kind: 'field', key: part.slice(6) });
    else if (part.startsWith('section:')) setSelection({ kind: 'section', id: part.slice(8) });
    else setSelection({ kind: 'form' });
  };
  const canSave = broken.size === 0;
  const excel = useXlsform({
    formId, save, dirty, hasDraft, baseVersion: initial.baseVersion, revision: () => revision.current,
    onSaved: (notice) => { setDirty(false); onImported(notice); },
  });
  const state = dirty ? t('ad_unsaved') : status ?? (hasDraft ? t('ad_draftOnServer') : t('ad_fromVersion', { n: initial.baseVersion ?? '—' }));

  return (
    <BuilderContext.Provider value={value}>
      <Layout title={t('ad_builderTitle', { title: definition.title })} back={`/admin/forms/${formId}`} wide>
        <div className="builder-toolbar" role="toolbar" aria-label={t('ad_builder')}>
          <button type="button" className="primary" disabled={!canSave || (!dirty && hasDraft)} onClick={() => void save()}>{t('ad_saveDraft')}</button>
          <span className="save-state" role="status">{state}</span>
          {errors.length > 0 ? (
            <button type="button" className="link error-count" onClick={() => setTab('problems')}>{t('ad_errorCount', { n: errors.length })}</button>
          ) : <span className="ok-count">{t('ad_noErrors')}</span>}
          {!canSave ? <span className="formula-error">{t('ad_formulasBroken', { n: broken.size })}</span> : null}
          <span className="spacer" />
          <button type="button" onClick={() => downloadJson(`${formId}-草稿.json`, current.current)}>{t('ad_downloadJson')}</button>
          <label className="button file-button">{t('ad_uploadJson')}
            <input type="file" accept=".json,application/json" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importJson(f); }} />
          </label>
          <button type="button" disabled={!canSave} onClick={() => void excel.download()}>{tXlsform('xl_download')}</button>
          <label className="button file-button">{tXlsform('xl_upload')}
            <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={excel.busy}
              onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void excel.check(f); }} />
          </label>
        </div>
        {excel.busy && !excel.report ? <p role="status">{tXlsform('xl_reading')}</p> : null}
        {excel.error ? <p className="action-error" role="alert">{excel.error}</p> : null}
        {imported && !dirty && hasDraft ? <p className="action-notice" role="status">{imported}</p> : null}
        {excel.report ? <XlsformReport report={excel.report} busy={excel.busy} dirty={dirty} onSave={() => void excel.saveImport()} onClose={excel.close} /> : null}
        {saveError ? (
          <p className="action-error" role="alert">
            {saveError}
            {stale ? <> <button type="button" onClick={reload}>{t('reloadLatest')}</button></> : null}
          </p>
        ) : null}
        <div className="builder">
          <FormTree />
          <div className="builder-editor">
            {selection.kind === 'field' ? <FieldEditor key={selection.key} fieldKey={selection.key} /> : null}
            {selection.kind === 'section' ? <SectionEditor key={selection.id} id={selection.id} /> : null}
            {selection.kind === 'form' ? <FormSettings /> : null}
          </div>
          <aside className="builder-side">
            <div role="tablist" aria-label={t('ad_sideTabs')} className="tabs">
              {TABS.map((k) => (
                <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
                  {t(`ad_tab_${k}`)}{k === 'problems' && errors.length ? `（${errors.length}）` : k === 'cases' ? `（${cases.length}）` : ''}
                </button>
              ))}
            </div>
            <div role="tabpanel" hidden={tab !== 'preview'}>
              <PreviewPane definition={definition} validators={validators} campaigns={initial.campaigns} campaignId={campaignId} onCampaign={setCampaignId} load={preview}
                caseNames={cases.map((c) => c.name)} onSaveCase={(c) => saveCases([...cases, c])} />
            </div>
            {tab === 'cases' ? (
              <div role="tabpanel">
                <CasesPanel definition={definition} validators={validators} cases={cases} campaigns={using} busy={casesBusy}
                  onOpen={(c) => { setPreview({ data: c.data, household: c.household ?? null, params: c.params ?? null, at: Date.now() }); setTab('preview'); }}
                  onDelete={(name) => void saveCases(cases.filter((c) => c.name !== name))}
                  onChange={(changed) => void saveCases(cases.map((c) => (c.name === changed.name ? changed : c)))} />
              </div>
            ) : null}
            {tab === 'problems' ? (
              <div role="tabpanel">
                {allProblems.length === 0 ? <p className="action-notice">{t('ad_noProblems')}</p> : <ProblemList problems={allProblems} onPick={pick} />}
              </div>
            ) : null}
            {tab === 'publish' ? (
              <div role="tabpanel">
                <PublishPanel formId={formId} save={save} canSave={canSave} onReload={reload}
                  onPublished={(n, next) => { revision.current = next; setHasDraft(false); setDirty(false); setStatus(t('ad_published', { n })); }} />
              </div>
            ) : null}
          </aside>
        </div>
      </Layout>
    </BuilderContext.Provider>
  );
}
