// "Show when [field] [is / is not / contains / > / <…] [value]", clauses joined by and/or,
// without writing JSON: built with the engine's condition model (conditionToLogic), each clause's
// problem shown beside it. An existing condition reads back into clauses (logicToCondition); one
// the clauses cannot say opens as a formula, or as read-only JSON when even that cannot.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CLAUSE_OPS, conditionToLogic, formulaOf, HOUSEHOLD_KINDS, logicToCondition, optionsOf,
  type Clause, type ClauseOp, type Condition, type FieldInfo, type FormulaScope,
} from '@engine';
import { t } from '../../../i18n/tAdmin';
import { useBuilder } from './BuilderContext';
import { FormulaInput } from './FormulaInput';

interface Props {
  id: string;
  /** The field or section shown on the condition (excluded from its own clauses). */
  target: string;
  logic: unknown;
  scope: FormulaScope;
  onChange(logic: unknown): void;
}

type Mode = 'none' | 'clauses' | 'formula' | 'json';

interface Subject {
  key: string;
  title: string;
  kind: 'boolean' | 'choice' | 'multi' | 'number' | 'date' | 'year-month' | 'text';
  options: { value: unknown; label: string }[];
}

const OPS_BY_KIND: Record<Subject['kind'], ClauseOp[]> = {
  boolean: ['is', 'isNot', 'isEmpty', 'isNotEmpty'],
  choice: ['is', 'isNot', 'isEmpty', 'isNotEmpty'],
  multi: ['contains', 'notContains', 'isEmpty', 'isNotEmpty'],
  number: ['is', 'isNot', 'gt', 'lt', 'gte', 'lte', 'isEmpty', 'isNotEmpty'],
  date: ['is', 'isNot', 'gt', 'lt', 'gte', 'lte', 'isEmpty', 'isNotEmpty'],
  'year-month': ['is', 'isNot', 'gt', 'lt', 'gte', 'lte', 'isEmpty', 'isNotEmpty'],
  text: ['is', 'isNot', 'contains', 'notContains', 'isEmpty', 'isNotEmpty'],
};

function subjectOf(info: FieldInfo): Subject {
  const s = info.schema;
  const base = { key: info.key, title: info.title };
  if (s.type === 'boolean') return { ...base, kind: 'boolean', options: [{ value: true, label: t('yes') }, { value: false, label: t('no') }] };
  if (s.type === 'array') return { ...base, kind: 'multi', options: optionsOf((s.items ?? {}) as typeof s) ?? [] };
  const options = optionsOf(s);
  if (options) return { ...base, kind: 'choice', options };
  if (s.type === 'number' || s.type === 'integer') return { ...base, kind: 'number', options: [] };
  if (s.format === 'date') return { ...base, kind: 'date', options: [] };
  if (s.format === 'year-month') return { ...base, kind: 'year-month', options: [] };
  return { ...base, kind: 'text', options: [] };
}

/** The fields a clause may test: leaves of the form (or of the rule's table row), and the household's kind. */
function subjectsIn(scope: FormulaScope, target: string): Subject[] {
  const out: Subject[] = [];
  for (const info of scope.fields.fields.values()) {
    if (info.kind !== 'leaf' || info.key === target) continue;
    if (info.table !== null && info.table !== (scope.table ?? null)) continue;
    out.push(subjectOf(info));
  }
  if (scope.household !== false) {
    out.push({ key: '$household.kind', title: t('ad_householdKind'), kind: 'choice', options: HOUSEHOLD_KINDS.map((k) => ({ value: k, label: k })) });
  }
  return out;
}

function initialMode(logic: unknown, scope: FormulaScope): { mode: Mode; condition: Condition } {
  const empty: Condition = { join: 'and', clauses: [] };
  if (logic === undefined) return { mode: 'none', condition: empty };
  const condition = logicToCondition(logic, scope);
  if (condition) return { mode: 'clauses', condition };
  return { mode: formulaOf(logic, { ...scope, expect: 'boolean' }) !== null ? 'formula' : 'json', condition: empty };
}

const encode = (value: unknown) => JSON.stringify(value);

function ValueInput({ subject, clause, onChange, label }: { subject: Subject | undefined; clause: Clause; onChange(value: unknown): void; label: string }) {
  if (clause.op === 'isEmpty' || clause.op === 'isNotEmpty') return null;
  if (subject && subject.options.length > 0) {
    return (
      <select aria-label={label} value={clause.value === undefined ? '' : encode(clause.value)} onChange={(e) => onChange(e.target.value === '' ? undefined : JSON.parse(e.target.value))}>
        <option value="">{t('choose')}</option>
        {subject.options.map((o) => <option key={encode(o.value)} value={encode(o.value)}>{o.label}</option>)}
      </select>
    );
  }
  const type = subject?.kind === 'number' ? 'number' : subject?.kind === 'date' ? 'date' : subject?.kind === 'year-month' ? 'month' : 'text';
  return <input aria-label={label} type={type} value={clause.value === undefined ? '' : String(clause.value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
}

export function ConditionEditor({ id, target, logic, scope, onChange }: Props) {
  const { reportFormula } = useBuilder();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor's starting mode, read once at mount; a rule changed elsewhere arrives through the effect below.
  const start = useMemo(() => initialMode(logic, scope), []);
  const [mode, setMode] = useState<Mode>(start.mode);
  const [condition, setCondition] = useState<Condition>(start.condition);
  const emitted = useRef<unknown>(logic);
  const subjects = useMemo(() => subjectsIn(scope, target), [scope, target]);
  const built = useMemo(() => (mode === 'clauses' ? conditionToLogic(condition, scope) : null), [mode, condition, scope]);
  const errors = built && !built.ok ? built.errors : [];

  useEffect(() => {
    if (JSON.stringify(logic) !== JSON.stringify(emitted.current)) {
      emitted.current = logic;
      const next = initialMode(logic, scope);
      setMode(next.mode);
      setCondition(next.condition);
    }
  }, [logic, scope]);
  useEffect(() => {
    reportFormula(id, errors.length > 0);
    return () => reportFormula(id, false);
  }, [id, errors.length, reportFormula]);

  const emit = (value: unknown) => {
    emitted.current = value;
    onChange(value);
  };
  const update = (next: Condition) => {
    setCondition(next);
    const result = conditionToLogic(next, scope);
    if (result.ok) emit(result.logic);
  };
  const setClause = (i: number, clause: Clause) => update({ ...condition, clauses: condition.clauses.map((c, j) => (j === i ? clause : c)) });
  const addClause = () => {
    const first = subjects[0];
    const clause: Clause = { field: first?.key ?? '', op: first ? OPS_BY_KIND[first.kind][0]! : 'is' };
    setMode('clauses');
    update({ ...condition, clauses: [...condition.clauses, clause] });
  };
  const clear = () => {
    setMode('none');
    setCondition({ join: 'and', clauses: [] });
    emit(undefined);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: inside .field-editor, whose fieldset rule would frame it; role="group" with its name is what a fieldset would give.
    <div className="condition-editor" role="group" aria-label={t('ad_visibility')}>
      {mode === 'none' ? <p className="muted">{t('ad_alwaysShown')}</p> : null}
      {mode === 'clauses' ? (
        <>
          {condition.clauses.length > 1 ? (
            <label className="inline">{t('ad_showWhen')}
              <select aria-label={t('ad_join')} value={condition.join} onChange={(e) => update({ ...condition, join: e.target.value as Condition['join'] })}>
                <option value="and">{t('ad_joinAnd')}</option>
                <option value="or">{t('ad_joinOr')}</option>
              </select>
            </label>
          ) : <span className="label">{t('ad_showWhenOne')}</span>}
          <ol className="clauses">
            {condition.clauses.map((clause, i) => {
              const subject = subjects.find((s) => s.key === clause.field || s.key === `${scope.table}.${clause.field}`);
              const ops = subject ? OPS_BY_KIND[subject.kind] : (Object.keys(CLAUSE_OPS) as ClauseOp[]);
              const error = errors.find((e) => e.clause === i);
              const n = i + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: clauses are edited in place and have no id (two may be identical while being written); their controls are controlled, so an index key shows no stale value.
                <li key={i} className="clause">
                  <select aria-label={t('ad_clauseField', { n })} value={subject?.key ?? clause.field} onChange={(e) => {
                    const next = subjects.find((s) => s.key === e.target.value);
                    setClause(i, { field: e.target.value, op: next ? OPS_BY_KIND[next.kind][0]! : clause.op });
                  }}>
                    {subject ? null : <option value={clause.field}>{clause.field}</option>}
                    {subjects.map((s) => <option key={s.key} value={s.key}>{s.title}</option>)}
                  </select>
                  <select aria-label={t('ad_clauseOp', { n })} value={clause.op} onChange={(e) => setClause(i, { ...clause, op: e.target.value as ClauseOp })}>
                    {ops.map((op) => <option key={op} value={op}>{CLAUSE_OPS[op]}</option>)}
                  </select>
                  <ValueInput subject={subject} clause={clause} label={t('ad_clauseValue', { n })} onChange={(value) => setClause(i, { ...clause, value })} />
                  <button type="button" aria-label={t('ad_removeClause', { n })} onClick={() => (condition.clauses.length === 1 ? clear() : update({ ...condition, clauses: condition.clauses.filter((_, j) => j !== i) }))}>×</button>
                  {error ? <p className="formula-error" role="alert">{error.message}</p> : null}
                </li>
              );
            })}
          </ol>
          {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
          {errors.filter((e) => e.clause < 0).map((e, i) => <p key={i} className="formula-error" role="alert">{e.message}</p>)}
        </>
      ) : null}
      {mode === 'formula' || mode === 'json' ? (
        <FormulaInput id={`${id}:formula`} label={t('ad_conditionFormula')} logic={logic} scope={{ ...scope, expect: 'boolean' }} onChange={(v) => (v === undefined ? clear() : emit(v))} optional />
      ) : null}
      <div className="page-actions">
        {mode !== 'formula' && mode !== 'json' ? <button type="button" onClick={addClause}>{t('ad_addClause')}</button> : null}
        {mode === 'none' || mode === 'clauses' ? (
          <button type="button" className="quiet" onClick={() => setMode('formula')}>{t('ad_conditionAsFormula')}</button>
        ) : null}
        {mode !== 'none' ? <button type="button" className="quiet" onClick={clear}>{t('ad_removeCondition')}</button> : null}
      </div>
    </div>
  );
}
