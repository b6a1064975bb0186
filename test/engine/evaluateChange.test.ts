import { describe, expect, it } from 'vitest';
import { affectedNodes, compileForm, evaluateChange, evaluateCompiled, type ChangeState, type FormData, type FormDefinition } from '@engine';
import { loadFormDirectory } from '../../server/forms/loadFormDirectory';
import { defineForm, money, readOnlyMoney, table, text, yesNo } from '../helpers/defineForm';
import { FORMS_DIR, loadCampaign } from '../helpers/forms';
import { randomFormData, seededRandom, pick, type Random } from '../helpers/randomData';
import { sampleForm } from '../helpers/sampleForm';

const incomes = defineForm(
  {
    A1: yesNo('A1 居住在安置区'),
    A2: text('A2 安置区地址'),
    A28: money('A28 工资性收入（元）'),
    A29: money('A29 生产经营性收入（元）'),
    A32: money('A32 生产经营性支出（元）'),
    A33: readOnlyMoney('A33 家庭纯收入（元）'),
    A34: readOnlyMoney('A34 家庭人均纯收入（元）'),
    A35: money('A35 理赔收入（元）'),
    members: table('家庭成员', { A5: text('A5 姓名'), A14: text('A14 劳动技能'), A16: money('A16 务工时间') }),
  },
  {
    visibility: [
      { field: 'A2', when: { '==': [{ var: 'A1' }, true] } },
      { field: 'members.A16', when: { '!=': [{ var: '$row.A14' }, '无劳动力'] } },
    ],
    computed: [
      { field: 'A34', value: { round: [{ '/': [{ var: 'A33' }, { count: { var: 'members' } }] }, 2] } },
      { field: 'A33', value: { '-': [{ '+': [{ var: ['A28', 0] }, { var: ['A29', 0] }] }, { var: ['A32', 0] }] } },
    ],
  },
);

function start(definition: FormDefinition, data: FormData, context = {}): { state: ChangeState; form: ReturnType<typeof compileForm> } {
  const form = compileForm(definition);
  const full = evaluateCompiled(form, data, context);
  return { form, state: { data: full.data, hidden: new Set(full.hidden), hiddenSections: new Set(full.hiddenSections) } };
}

describe('evaluateChange', () => {
  it('recomputes A33 and then A34 when A28 changes', () => {
    const { form, state } = start(incomes, { A28: 10000, members: [{ A5: '张德明' }, { A5: '李秀兰' }] });
    expect(state.data.A34).toBe(5000);
    const next = evaluateChange(form, state, { ...state.data, A28: 12000 }, 'A28');
    expect(next.data.A33).toBe(12000);
    expect(next.data.A34).toBe(6000);
  });

  it('re-runs only the nodes that depend on the changed field', () => {
    const form = compileForm(incomes);
    expect(affectedNodes(form, 'A28').map((n) => n.key)).toEqual(['A33', 'A34']);
    expect(affectedNodes(form, 'A35')).toEqual([]);
    expect(affectedNodes(form, 'A1').map((n) => n.key)).toEqual(['A2']);
    expect(affectedNodes(form, 'members').map((n) => n.key).sort()).toEqual(['A34', 'members.A16']);
  });

  it('hands back the same sets of hidden fields and sections when a change shows or hides nothing', () => {
    const { form, state } = start(incomes, { A1: true, members: [{ A5: '张德明', A14: '无劳动力' }] });
    const typed = evaluateChange(form, state, { ...state.data, members: [{ A5: '张德明', A14: '弱劳动力' }] }, 'members');
    expect(typed.hidden).not.toBe(state.hidden);
    expect(typed.hidden.has('/members/0/A16')).toBe(false);
    const again = evaluateChange(form, typed, { ...typed.data, members: [{ A5: '张德明', A14: '普通劳动力' }] }, 'members');
    expect(again.hidden).toBe(typed.hidden);
    expect(again.hiddenSections).toBe(typed.hiddenSections);
  });

  it('hides A2 and drops its value when A1 turns 否, and shows it again empty', () => {
    const { form, state } = start(incomes, { A1: true, A2: '重庆市永川区临江镇安置小区' });
    const hidden = evaluateChange(form, state, { ...state.data, A1: false }, 'A1');
    expect(hidden.hidden.has('/A2')).toBe(true);
    expect(hidden.data).not.toHaveProperty('A2');
    const shown = evaluateChange(form, hidden, { ...hidden.data, A1: true }, 'A1');
    expect(shown.hidden.has('/A2')).toBe(false);
  });

  it('evaluates a column condition per row and follows rows that are removed', () => {
    const rows = [{ A5: '张德明', A14: '普通劳动力', A16: 10 }, { A5: '张雨欣', A14: '无劳动力', A16: 3 }];
    const { form, state } = start(incomes, { A1: false, members: rows });
    expect([...state.hidden].sort()).toEqual(['/A2', '/members/1/A16']);
    const removed = evaluateChange(form, state, { ...state.data, members: [rows[1]] }, 'members');
    expect([...removed.hidden].sort()).toEqual(['/A2', '/members/0/A16']);
  });

  it('never changes the data it is given', () => {
    const { form, state } = start(incomes, { A28: 100, members: [{ A5: '张德明', A14: '无劳动力' }] });
    const input = { ...state.data, A28: 900 };
    const frozen = JSON.stringify(input);
    evaluateChange(form, state, input, 'A28');
    expect(JSON.stringify(input)).toBe(frozen);
  });
});

/** A new value for one visible, editable leaf (or a row added or removed), as an officer would type. */
function randomEdit(definition: FormDefinition, data: FormData, hidden: ReadonlySet<string>, random: Random): { data: FormData; key: string } | null {
  const form = compileForm(definition);
  const fresh = randomFormData(definition, random, 4);
  const editable = [...form.index.fields.values()].filter((f) => f.kind !== 'object' && !f.readOnly);
  const field = pick(random, editable);
  if (!field) return null;
  const next: FormData = { ...data };
  if (field.kind === 'table') {
    const rows = Array.isArray(next[field.key]) ? [...(next[field.key] as unknown[])] : [];
    if (rows.length > 0 && random() < 0.5) {
      rows.splice(Math.floor(random() * rows.length), 1);
    } else {
      const freshRows = Array.isArray(fresh[field.key]) ? (fresh[field.key] as unknown[]) : [];
      const normalized = evaluateCompiled(form, { [field.key]: [freshRows[0] ?? {}] }).data[field.key];
      rows.push(Array.isArray(normalized) ? normalized[0] : {});
    }
    next[field.key] = rows;
    return { data: next, key: field.key };
  }
  const value = evaluateCompiled(form, fresh).data;
  if (field.table === null) {
    if (field.parent !== null || hidden.has(`/${field.key}`)) return null;
    if (value[field.key] === undefined) delete next[field.key];
    else next[field.key] = value[field.key];
    return { data: next, key: field.key };
  }
  const rows = next[field.table];
  if (!Array.isArray(rows) || rows.length === 0) return null;
  const i = Math.floor(random() * rows.length);
  const column = field.key.slice(field.table.length + 1);
  if (column.includes('.') || hidden.has(`/${field.table}/${i}/${column}`)) return null;
  const freshValue = ((value[field.table] as FormData[] | undefined) ?? [])[0]?.[column];
  const row = { ...(rows[i] as FormData) };
  if (freshValue === undefined) delete row[column];
  else row[column] = freshValue;
  next[field.table] = rows.map((r, j) => (j === i ? row : r));
  return { data: next, key: field.key };
}

const HOUSEHOLD = {
  divisionCode: '500118104201', headName: '张德明', headIdNumber: '500228198506120010', kind: '脱贫户' as const,
  identifiedMonth: '2020-06', members: [{ name: '张德明', idNumber: '500228198506120010', relation: '户主' }],
};

describe('evaluateChange against the full evaluate()', () => {
  const { definitions } = loadFormDirectory(FORMS_DIR);
  const forms: [string, FormDefinition][] = [['a test form with chained values', incomes], ['the sample form', sampleForm], ...definitions];
  const context = { params: loadCampaign('2021').parameters, household: HOUSEHOLD };

  for (const [name, definition] of forms) {
    it(`gives the same values and hidden fields on ${name} over 200 edit sequences`, () => {
      const random = seededRandom(name.length * 104729);
      const form = compileForm(definition);
      for (let n = 0; n < 200; n++) {
        let { state } = start(definition, randomFormData(definition, random, 4), context);
        for (let step = 0; step < 5; step++) {
          const edit = randomEdit(definition, state.data, state.hidden, random);
          if (!edit) continue;
          state = evaluateChange(form, state, edit.data, edit.key, context);
          const full = evaluateCompiled(form, edit.data, context);
          const label = `${name}: edit ${edit.key}`;
          expect(state.data, label).toEqual(full.data);
          expect([...state.hidden].sort(), label).toEqual([...full.hidden].sort());
          expect([...state.hiddenSections].sort(), label).toEqual([...full.hiddenSections].sort());
        }
      }
    });
  }
});
