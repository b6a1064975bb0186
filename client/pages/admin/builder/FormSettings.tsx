// The form as a whole: title, description and source, which registry households are expected to
// fill it (appliesTo), one submission per household, and the campaign parameters its rules read
// (the income line…, each campaign using the form must supply them) — with the problems that
// belong to no single field.
import { HOUSEHOLD_KINDS, type HouseholdKind, type ParameterDeclaration } from '@engine';
import { t } from '../../../i18n/tAdmin';
import { ProblemList } from '../components/ProblemList';
import { useBuilder } from './BuilderContext';

const KNOWN_PARAMETERS: Record<string, ParameterDeclaration> = {
  incomeLine: { title: '收入线', type: 'number', description: '监测收入线（元/人·年）' },
  incomePeriodStart: { title: '收入计算周期开始', type: 'date' },
  incomePeriodEnd: { title: '收入计算周期结束', type: 'date' },
  referenceDate: { title: '统计调查时点', type: 'date' },
};

const PARAMETER_TYPES: ParameterDeclaration['type'][] = ['number', 'string', 'date', 'year-month'];

export function FormSettings() {
  const { definition, change, problems } = useBuilder();
  const parameters = definition.parameters ?? {};
  const setText = (key: 'title' | 'description' | 'source', value: string) => change((d) => {
    if (key === 'title' || value.trim()) d[key] = value;
    else delete d[key];
  });
  const setParameter = (name: string, declaration: ParameterDeclaration | null) => change((d) => {
    const next = { ...(d.parameters ?? {}) };
    if (declaration) next[name] = declaration;
    else delete next[name];
    if (Object.keys(next).length > 0) d.parameters = next;
    else delete d.parameters;
  });
  const kinds = definition.appliesTo?.kinds ?? [];
  return (
    <section className="field-editor" aria-label={t('ad_formSettings')}>
      <h2>{t('ad_formSettings')}</h2>
      <ProblemList problems={problems.get('form') ?? []} label={t('ad_fieldProblems')} />
      <div className="editor-grid">
        <label>{t('ad_formTitle')}<input value={definition.title} onChange={(e) => setText('title', e.target.value)} /></label>
        <label>{t('ad_formSource')}<input value={definition.source ?? ''} onChange={(e) => setText('source', e.target.value)} /></label>
        <label className="wide-field">{t('ad_description')}<textarea rows={3} value={definition.description ?? ''} onChange={(e) => setText('description', e.target.value)} /></label>
      </div>
      <fieldset>
        <legend>{t('ad_appliesTo')}</legend>
        <p className="field-note">{t('ad_appliesToHint')}</p>
        {HOUSEHOLD_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="checkbox" checked={kinds.includes(kind)} onChange={(e) => change((d) => {
              const next = e.target.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind);
              if (next.length > 0) d.appliesTo = { kinds: HOUSEHOLD_KINDS.filter((k) => next.includes(k)) as HouseholdKind[] };
              else delete d.appliesTo;
            })} />
            {kind}
          </label>
        ))}
      </fieldset>
      {definition.review ? (
        <fieldset>
          <legend>{t('ad_review')}</legend>
          <p>{definition.review.levels.map((l) => l.title).join(' → ')}</p>
          <label className="check">
            <input type="checkbox" checked={definition.review.onePerHousehold === true} onChange={(e) => change((d) => {
              if (e.target.checked) d.review!.onePerHousehold = true;
              else delete d.review!.onePerHousehold;
            })} />
            {t('ad_onePerHousehold')}
          </label>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t('ad_formParameters')}</legend>
        <p className="field-note">{t('ad_formParametersHint')}</p>
        <table className="admin-table">
          <thead><tr><th>{t('ad_paramName')}</th><th>{t('ad_paramTitle')}</th><th>{t('ad_paramType')}</th><th /></tr></thead>
          <tbody>
            {Object.entries(parameters).map(([name, p]) => (
              <tr key={name}>
                <td><code>{name}</code></td>
                <td><input aria-label={t('ad_paramTitleOf', { name })} value={p.title} onChange={(e) => setParameter(name, { ...p, title: e.target.value })} /></td>
                <td>
                  <select aria-label={t('ad_paramTypeOf', { name })} value={p.type} onChange={(e) => setParameter(name, { ...p, type: e.target.value as ParameterDeclaration['type'] })}>
                    {PARAMETER_TYPES.map((type) => <option key={type} value={type}>{t(`ad_paramType_${type}`)}</option>)}
                  </select>
                </td>
                <td><button type="button" onClick={() => setParameter(name, null)}>{t('ad_remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="page-actions">
          {Object.entries(KNOWN_PARAMETERS).filter(([name]) => !parameters[name]).map(([name, p]) => (
            <button key={name} type="button" onClick={() => setParameter(name, p)}>{t('ad_addParameter', { title: p.title })}</button>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
