// The form's test cases: each example household with what must come out, run with the engine on
// the draft under the parameters of every open campaign that uses the form (as publishing will
// run them), pass or fail with the engine's reasons; a case can be opened in the preview or
// deleted; its photos and signatures can be switched between 有 and 无 (a sample file or none).
// Cases are saved on the server at once (they are not part of the draft).
import { useState } from 'react';
import { evidenceKind, precompiledForm, runCompiledCases, type CompiledForm, type FormCase, type FormDefinition, type JsonSchema } from '@engine';
import type { Campaign, CaseOutcome } from '../../../api/types';
import { SAMPLE_PHOTO, SAMPLE_SIGNATURE, SampleToggle } from '../../../form/widgets/evidence';
import { t } from '../../../i18n/tAdmin';
import { fits, type DraftValidators } from './useDraftValidators';

interface Props {
  definition: FormDefinition;
  /** The draft's precompiled validators (this page compiles no code). */
  validators: DraftValidators;
  cases: FormCase[];
  /** The open campaigns using the form: every case runs under each one's parameters. */
  campaigns: Campaign[];
  onOpen(c: FormCase): void;
  onDelete(name: string): void;
  /** A case changed here (a photo or signature switched between 有 and 无). */
  onChange(c: FormCase): void;
  busy: boolean;
}

interface EvidenceField {
  key: string;
  title: string;
  schema: JsonSchema;
  kind: 'photo' | 'signature';
}

/** The form's photo and signature fields outside tables, which a case can have or not. */
function evidenceFields(definition: FormDefinition): EvidenceField[] {
  const properties = (definition.schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([key, schema]) => {
    const kind = evidenceKind(schema);
    return kind === 'photo' || kind === 'signature' ? [{ key, title: String(schema.title ?? key), schema, kind }] : [];
  });
}

/** The case with the field given a sample file (present) or none. */
function withSample(c: FormCase, field: EvidenceField, present: boolean): FormCase {
  const data = { ...c.data };
  if (!present) delete data[field.key];
  else if (field.kind === 'signature') data[field.key] = SAMPLE_SIGNATURE;
  else data[field.key] = field.schema.type === 'array' ? [SAMPLE_PHOTO] : SAMPLE_PHOTO;
  return { ...c, data };
}

const isPresent = (value: unknown) => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== '');

export function runAllCases(form: CompiledForm, cases: FormCase[], campaigns: Campaign[]): CaseOutcome[] {
  const runs = campaigns.length > 0 ? campaigns : [null];
  return runs.flatMap((campaign) => runCompiledCases(form, cases, campaign?.parameters ?? {}).map((r) => ({
    name: r.name, campaignId: campaign?.id ?? null, campaignTitle: campaign?.title ?? null, passed: r.passed, failures: r.failures,
  })));
}

export function CasesPanel({ definition, validators, cases, campaigns, onOpen, onDelete, onChange, busy }: Props) {
  const evidence = evidenceFields(definition);
  const [results, setResults] = useState<CaseOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ready = fits(validators, definition.schema) ? validators.served : null;
  const run = () => {
    if (!ready) return;
    setError(null);
    try {
      setResults(runAllCases(precompiledForm(definition, ready), cases, campaigns));
    } catch (e) {
      setResults(null);
      setError(t('ad_casesCannotRun', { message: (e as Error).message }));
    }
  };
  const failed = results?.filter((r) => !r.passed) ?? [];
  return (
    <div className="cases-panel">
      <div className="page-actions">
        <button type="button" className="primary" onClick={run} disabled={cases.length === 0 || !ready}>{t('ad_runCases')}</button>
        <span className="muted">{t('ad_casesRunUnder', { campaigns: campaigns.length ? campaigns.map((c) => c.title).join('、') : t('ad_noCampaign') })}</span>
      </div>
      {error ? <p className="formula-error" role="alert">{error}</p> : null}
      {results ? (
        <p className={failed.length ? 'action-error' : 'action-notice'} role="status">
          {failed.length ? t('ad_casesFailed', { n: failed.length, total: results.length }) : t('ad_casesPassed', { total: results.length })}
        </p>
      ) : null}
      {cases.length === 0 ? <p className="muted">{t('ad_noCases')}</p> : null}
      <ul className="case-list">
        {cases.map((c) => {
          const mine = results?.filter((r) => r.name === c.name) ?? [];
          const passed = mine.length > 0 && mine.every((r) => r.passed);
          return (
            <li key={c.name} className={mine.length === 0 ? '' : passed ? 'passed' : 'failed'}>
              <div className="case-head">
                <span className="case-state">{mine.length === 0 ? '·' : passed ? '✓' : '✗'}</span>
                <strong>{c.name}</strong>
                <button type="button" className="link" onClick={() => onOpen(c)}>{t('ad_openInPreview')}</button>
                <button type="button" className="link" disabled={busy} onClick={() => { if (window.confirm(t('ad_confirmDeleteCase', { name: c.name }))) onDelete(c.name); }}>{t('ad_remove')}</button>
              </div>
              {evidence.length ? (
                <fieldset className="case-evidence">
                  <legend>{t('ad_caseEvidence')}</legend>
                  {evidence.map((field) => (
                    <div key={field.key} className="settings-row">
                      <span>{field.title}</span>
                      <SampleToggle id={`case:${c.name}:${field.key}`} label={`${c.name}：${field.title}`} present={isPresent(c.data[field.key])} disabled={busy}
                        onChange={(present) => onChange(withSample(c, field, present))} />
                    </div>
                  ))}
                </fieldset>
              ) : null}
              {mine.filter((r) => !r.passed).map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a case's failed results in order, display only; results carry no id.
                <ul key={i} className="case-failures" aria-label={t('ad_caseFailuresOf', { name: c.name })}>
                  {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
                  {r.failures.map((f, j) => <li key={j}>{r.campaignTitle ? `【${r.campaignTitle}】` : ''}{f}</li>)}
                </ul>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
