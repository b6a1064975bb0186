// A household's member rows as an officer fills them: a new member's 性别 and 出生日期 follow the
// ID number typed (and a typed value that disagrees gets its warning), each card is titled by the
// name first ("陈小红 · 女"), and an ID number never shows whole in a title. Numbers are published
// ones (GB 11643-1999's example, the shipped forms' cases), not made by the code under test.
import { act, fireEvent, render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FormData, FormDefinition } from '@engine';
import { FormRenderer } from '../../client/form/FormRenderer';
import { FormSession } from '../../client/form/FormSession';
import { defineForm, table, text } from '../helpers/defineForm';
import { loadForm } from '../helpers/forms';
import { openCard } from '../helpers/openCard';
import { preparedForm } from '../helpers/preparedForm';

const GB_FEMALE = '11010519491231002X';
const CASE_MALE = '370305194910073314';

const additions: FormDefinition = defineForm({
  members: table('新增成员', {
    idNumber: text('身份证号码', { format: 'id-number' }),
    name: text('姓名'),
    relation: text('与户主关系', { enum: ['配偶', '之子', '之女'] }),
    gender: text('性别', { enum: ['男', '女'] }),
    birthDate: text('出生日期', { format: 'date' }),
  }),
}, {
  validations: [{
    id: 'gender-follows-id', field: 'members.gender', severity: 'warning',
    when: { and: [{ '!!': { var: '$row.gender' } }, { '!!': { idGender: { var: '$row.idNumber' } } }] },
    assert: { '==': [{ var: '$row.gender' }, { idGender: { var: '$row.idNumber' } }] },
    message: '性别“{{$row.gender}}”与身份证号码不符，请核实',
  }],
}, {
  uiSchema: { members: { items: {
    gender: { 'ui:options': { fromIdNumber: { field: 'idNumber', part: 'gender' } } },
    birthDate: { 'ui:options': { fromIdNumber: { field: 'idNumber', part: 'birthDate' } } },
  } } },
});

function renderForm(definition: FormDefinition, data: FormData) {
  const prepared = preparedForm(definition);
  const session = new FormSession({ form: prepared.form, context: { params: { referenceDate: '2021-09-30', incomePeriodStart: '2020-10-01', incomePeriodEnd: '2021-09-30', incomeLine: 6000 }, household: null }, data });
  const view = render(<FormRenderer definition={definition} session={session} validator={prepared.validator} />);
  const q = (selector: string) => view.container.querySelector(selector) as HTMLElement;
  return { session, view, field: (pointer: string) => q(`[data-pointer="${pointer}"]`), input: (pointer: string) => q(`[id="root${pointer}"]`) as HTMLInputElement };
}

describe('a new member\'s 性别 and 出生日期', () => {
  it('follow the ID number as soon as it is valid, and stay editable', () => {
    const { session, field, input } = renderForm(additions, { members: [{}] });
    fireEvent.change(input('/members/0/idNumber'), { target: { value: GB_FEMALE.slice(0, 17) } });
    expect(session.data().members).toEqual([{ idNumber: GB_FEMALE.slice(0, 17) }]);
    fireEvent.change(input('/members/0/idNumber'), { target: { value: GB_FEMALE } });
    expect(session.data().members).toEqual([{ idNumber: GB_FEMALE, gender: '女', birthDate: '1949-12-31' }]);
    expect(within(field('/members/0/gender')).getByRole('radio', { name: '女' })).toHaveAttribute('aria-checked', 'true');
    expect(input('/members/0/birthDate').value).toBe('1949-12-31');
    fireEvent.click(within(field('/members/0/gender')).getByRole('radio', { name: '男' }));
    expect((session.data().members as FormData[])[0]!.gender).toBe('男');
  });

  it('keep a gender the officer chose, with a warning that it disagrees with the number', async () => {
    const { session, field, input } = renderForm(additions, { members: [{ gender: '女' }] });
    await openCard(field('/members/0') as HTMLDetailsElement);
    fireEvent.change(input('/members/0/idNumber'), { target: { value: CASE_MALE } });
    expect((session.data().members as FormData[])[0]).toEqual({ idNumber: CASE_MALE, gender: '女', birthDate: '1949-10-07' });
    act(() => void session.validate(true));
    expect(await within(field('/members/0/gender')).findByText('新增成员第 1 行：性别“女”与身份证号码不符，请核实')).toBeInTheDocument();
  });

  it('follow the number in the shipped 家庭成员自然增加情况表', () => {
    const { session, input } = renderForm(loadForm('member-additions'), { members: [{}] });
    fireEvent.change(input('/members/0/A4'), { target: { value: GB_FEMALE } });
    expect((session.data().members as FormData[])[0]!.A2).toBe('女');
  });
});

describe('member cards', () => {
  it('are titled by name first, then gender, whatever order the row was typed in', () => {
    const { field } = renderForm(additions, { members: [{ idNumber: GB_FEMALE, relation: '之女', gender: '女', name: '陈小红' }] });
    expect(field('/members/0').querySelector('summary')!.textContent).toBe('1 陈小红 · 女');
  });

  it('never show an ID number whole in a title', async () => {
    const { field, input } = renderForm(defineForm({ removals: table('减少成员', { idNumber: text('证件号码', { format: 'id-number' }), reason: text('减少原因') }) }), { removals: [{}] });
    fireEvent.change(input('/removals/0/idNumber'), { target: { value: GB_FEMALE } });
    await act(async () => {});
    const summary = field('/removals/0').querySelector('summary')!.textContent!;
    expect(summary).toBe('1 1101**********002X');
    // The field itself shows it whole.
    expect(input('/removals/0/idNumber').value).toBe(GB_FEMALE);
  });
});
