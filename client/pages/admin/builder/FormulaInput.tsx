// A formula as an administrator writes it in Excel ("A28 + A29 - A32", "IF(A34 < 收入线, …)"),
// compiled to JSON-Logic as it is typed: each problem shown in Chinese right away, its part of
// the text underlined; the rule changes only when the text compiles. An existing rule reads back
// as a formula; one the language cannot say is shown as JSON, read-only, until rewritten.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { compileFormula, FORMULA_FUNCTIONS, formulaOf, type FormulaError, type FormulaScope } from '@engine';
import { t } from '../../../i18n/tAdmin';
import { useBuilder } from './BuilderContext';

interface Props {
  /** Where the formula is, unique in the builder ("computed:A33"). */
  id: string;
  label: string;
  logic: unknown;
  scope: FormulaScope;
  onChange(logic: unknown): void;
  placeholder?: string;
  /** The formula may be left empty (the rule is then removed). */
  optional?: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The text with the error ranges underlined (never HTML: text nodes and marks). */
function Underlined({ text, errors }: { text: string; errors: FormulaError[] }) {
  const marks = errors.map((e) => ({ start: Math.max(0, Math.min(e.start, text.length)), end: Math.max(e.start + 1, Math.min(e.end, text.length)) })).sort((a, b) => a.start - b.start);
  const parts: { text: string; bad: boolean }[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) parts.push({ text: text.slice(at, m.start), bad: false });
    parts.push({ text: text.slice(m.start, m.end) || ' ', bad: true });
    at = m.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), bad: false });
  return (
    <div className="formula-mirror" aria-hidden="true">
      {/* biome-ignore lint/suspicious/noArrayIndexKey: the formula's text cut into consecutive segments, rebuilt on each keystroke; no state per item. */}
      {parts.map((p, i) => (p.bad ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </div>
  );
}

export function FormulaInput({ id, label, logic, scope, onChange, placeholder, optional = false }: Props) {
  const { reportFormula } = useBuilder();
  const inputId = useId();
  const emitted = useRef<unknown>(logic);
  const initial = () => (logic === undefined ? '' : formulaOf(logic, scope));
  const [text, setText] = useState<string | null>(initial);
  // A rule changed elsewhere (a rename, a JSON import) reads back afresh.
  useEffect(() => {
    if (!same(logic, emitted.current)) {
      emitted.current = logic;
      setText(logic === undefined ? '' : formulaOf(logic, scope));
    }
  }, [logic, scope]);
  const result = useMemo(() => (text === null || text.trim() === '' ? null : compileFormula(text, scope)), [text, scope]);
  const errors = result && !result.ok ? result.errors : [];
  const missing = !optional && text !== null && text.trim() === '';
  useEffect(() => {
    reportFormula(id, errors.length > 0 || missing);
    return () => reportFormula(id, false);
  }, [id, errors.length, missing, reportFormula]);

  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      if (optional) {
        emitted.current = undefined;
        onChange(undefined);
      }
      return;
    }
    const compiled = compileFormula(next, scope);
    if (compiled.ok && !same(compiled.logic, emitted.current)) {
      emitted.current = compiled.logic;
      onChange(compiled.logic);
    }
  };

  if (text === null) {
    return (
      <div className="formula">
        <span className="label">{label}</span>
        <pre className="formula-json">{JSON.stringify(logic, null, 1)}</pre>
        <p className="field-note">{t('ad_formulaAsJson')}</p>
        <button type="button" onClick={() => setText('')}>{t('ad_rewriteAsFormula')}</button>
      </div>
    );
  }
  return (
    <div className="formula">
      <label htmlFor={inputId} className="label">{label}</label>
      <input
        id={inputId} className="formula-input" value={text} spellCheck={false} autoComplete="off" placeholder={placeholder ?? t('ad_formulaPlaceholder')}
        aria-invalid={errors.length > 0 || missing} aria-describedby={`${inputId}-errors`} onChange={(e) => edit(e.target.value)}
      />
      {errors.length > 0 ? <Underlined text={text} errors={errors} /> : null}
      <div id={`${inputId}-errors`}>
        {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
        {errors.map((e, i) => <p key={i} className="formula-error" role="alert">{e.message}</p>)}
        {missing ? <p className="formula-error" role="alert">{t('ad_formulaRequired')}</p> : null}
        {result?.ok ? <p className="field-note">{t('ad_formulaType', { type: t(`ad_type_${result.type}`) })}</p> : null}
      </div>
      <details className="formula-help">
        <summary>{t('ad_formulaHelp')}</summary>
        <p className="field-note">{t('ad_formulaHelpText')}</p>
        <dl>
          {[...FORMULA_FUNCTIONS.values()].map((f) => (
            <div key={f.name}><dt><code>{f.usage}</code></dt><dd>{f.description}</dd></div>
          ))}
        </dl>
      </details>
    </div>
  );
}
