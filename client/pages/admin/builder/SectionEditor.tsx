// A section: its title as the seed prints it ("2. 三保障及饮水安全情况（B）"), a description, and
// when the whole section is shown (a condition like a field's), with the checker's problems.
import { t } from '../../../i18n/tAdmin';
import { ProblemList } from '../components/ProblemList';
import { useBuilder } from './BuilderContext';
import { ConditionEditor } from './ConditionEditor';
import { setVisibility, visibilityOf } from './model/rules';
import { updateSection } from './model/structure';

export function SectionEditor({ id }: { id: string }) {
  const { definition, change, scope, problems } = useBuilder();
  const section = definition.sections?.find((s) => s.id === id);
  if (!section) return <p className="muted">{t('ad_fieldGone')}</p>;
  return (
    <section className="field-editor" aria-label={t('ad_sectionEditorOf', { title: section.title })}>
      <h2>{section.title}</h2>
      <ProblemList problems={problems.get(`section:${id}`) ?? []} label={t('ad_fieldProblems')} />
      {section.fields.length === 0 ? <p className="formula-error" role="alert">{t('ad_sectionEmpty')}</p> : null}
      <div className="editor-grid">
        <label>{t('ad_sectionTitle')}<input value={section.title} onChange={(e) => change((d) => updateSection(d, id, { title: e.target.value }))} /></label>
        <label className="wide-field">{t('ad_sectionDescription')}
          <textarea rows={2} value={section.description ?? ''} onChange={(e) => change((d) => updateSection(d, id, { description: e.target.value }))} />
        </label>
      </div>
      <fieldset>
        <legend>{t('ad_sectionVisibility')}</legend>
        <ConditionEditor key={`section:${id}`} id={`visibility-section:${id}`} target={`section:${id}`} logic={visibilityOf(definition, { section: id })}
          scope={scope(null)} onChange={(when) => change((d) => setVisibility(d, { section: id }, when))} />
      </fieldset>
    </section>
  );
}
