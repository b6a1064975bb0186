// A money field as an officer types into it: a 20-digit A28 is refused past the 15th digit with
// a word at the field, and the total computed from it never shows digits that were lost.
import { fireEvent, render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormRenderer } from '../../client/form/FormRenderer';
import { FormSession } from '../../client/form/FormSession';
import { defineForm, money, readOnlyMoney } from '../helpers/defineForm';
import { preparedForm } from '../helpers/preparedForm';

const incomes = defineForm({ A28: money('A28 工资性收入（元）'), A33: readOnlyMoney('A33 家庭纯收入（元）') }, {
  computed: [{ field: 'A33', value: { '+': [{ var: ['A28', 0] }, 100] } }],
}, { uiSchema: { A28: { 'ui:widget': 'money' }, A33: { 'ui:widget': 'money' } } });

function renderIncomes() {
  const prepared = preparedForm(incomes);
  const session = new FormSession({ form: prepared.form, context: { params: {}, household: null }, data: {} });
  const view = render(<FormRenderer definition={incomes} session={session} validator={prepared.validator} />);
  const input = view.container.querySelector('[id="root/A28"]') as HTMLInputElement;
  const field = view.container.querySelector('[data-pointer="/A28"]') as HTMLElement;
  const total = view.container.querySelector('[id="root/A33"]') as HTMLOutputElement;
  return { session, input, field, total };
}

describe('a money field', () => {
  it('refuses a 20-digit A28 past its 15th digit, saying so, and the total shows no lost digits', () => {
    const { session, input, field, total } = renderIncomes();
    fireEvent.change(input, { target: { value: '123456789012345' } });
    expect(session.data().A28).toBe(123456789012345);
    expect(within(field).queryByRole('alert')).toBeNull();
    fireEvent.change(input, { target: { value: '12345678901234567890' } });
    expect(input.value).toBe('123456789012345');
    expect(session.data().A28).toBe(123456789012345);
    expect(within(field).getByRole('alert')).toHaveTextContent('数字过长：最多 15 位数字，多输入的没有记下');
    expect(total.textContent).toBe('123,456,789,012,445 元');
    expect(total.textContent).not.toMatch(/000 元$/);
    fireEvent.change(input, { target: { value: '3500' } });
    expect(within(field).queryByRole('alert')).toBeNull();
  });

  it('takes decimals up to 15 digits, and refuses more', () => {
    const { session, input } = renderIncomes();
    fireEvent.change(input, { target: { value: '1234567890123.45' } });
    expect(session.data().A28).toBe(1234567890123.45);
    fireEvent.change(input, { target: { value: '1234567890123.456' } });
    expect(input.value).toBe('1234567890123.45');
  });

  it('says on leaving it that a value past 1,000,000 元 is beyond the bound', async () => {
    const { input, field } = renderIncomes();
    fireEvent.change(input, { target: { value: '2500000' } });
    fireEvent.blur(input);
    expect(await within(field).findByText('A28 工资性收入（元）不能大于 1,000,000 元（2,500,000 元，请核对）')).toBeInTheDocument();
  });
});
