// Every widget the renderer picks, rendered through the real renderer and engine on a small
// definition in the seeds' style, as an officer would use it on a phone.
import { act, fireEvent, render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { residentIdCheckDigit, type FormData, type FormDefinition, type JsonSchema } from '@engine';
import { FormRenderer } from '../../client/form/FormRenderer';
import { FormSession } from '../../client/form/FormSession';
import { preparedForm } from '../helpers/preparedForm';
import { defineForm, money, readOnlyMoney, table, text, yesNo } from '../helpers/defineForm';
import { openCard } from '../helpers/openCard';

function renderDefinition(definition: FormDefinition, data: FormData = {}) {
  const prepared = preparedForm(definition);
  const session = new FormSession({ form: prepared.form, context: { params: { incomeLine: 6000 }, household: null }, data });
  const view = render(<FormRenderer definition={definition} session={session} validator={prepared.validator} />);
  const field = (pointer: string) => {
    const element = view.container.querySelector(`[data-pointer="${pointer}"]`);
    if (!element) throw new Error(`no field ${pointer}`);
    return element as HTMLElement;
  };
  const input = <T extends HTMLElement = HTMLInputElement>(pointer: string) => view.container.querySelector(`[id="root${pointer}"]`) as T;
  return { session, view, field, input };
}

function one(schema: JsonSchema, uiSchema?: Record<string, unknown>): FormDefinition {
  return defineForm({ X: schema }, {}, uiSchema ? { uiSchema: { X: uiSchema } } : {});
}

function validId(first17: string): string {
  return first17 + residentIdCheckDigit(first17);
}

describe('money and numbers', () => {
  it('keeps "12." while typing, gives the form 12, then 12.5, and shows 元', () => {
    const { session, input, field } = renderDefinition(one(money('A28 工资性收入（元）'), { 'ui:widget': 'money' }));
    fireEvent.change(input('/X'), { target: { value: '12.' } });
    expect(input('/X').value).toBe('12.');
    expect(session.data().X).toBe(12);
    fireEvent.change(input('/X'), { target: { value: '12.5' } });
    expect(session.data().X).toBe(12.5);
    expect(within(field('/X')).getByText('元')).toBeInTheDocument();
    expect(input('/X')).toHaveAttribute('inputmode', 'decimal');
  });

  it('refuses letters, reads 12,000 as 12000, and refuses decimals in an integer', () => {
    const { session, input } = renderDefinition(defineForm({ X: money('金额'), N: { type: 'integer', title: 'A16 务工时间（月）' } }));
    fireEvent.change(input('/X'), { target: { value: '12,000' } });
    expect(session.data().X).toBe(12000);
    fireEvent.change(input('/X'), { target: { value: '12000元' } });
    expect(input('/X').value).toBe('12000');
    fireEvent.change(input('/N'), { target: { value: '10.5' } });
    expect(input('/N').value).toBe('');
    fireEvent.change(input('/N'), { target: { value: '10' } });
    expect(session.data().N).toBe(10);
    expect(input('/N')).toHaveAttribute('inputmode', 'numeric');
  });

  it('shows a value set from elsewhere in place of what was typed, even the value it had before typing', () => {
    const { session, input } = renderDefinition(one(money('A28 工资性收入（元）'), { 'ui:widget': 'money' }), { X: 5 });
    expect(input('/X').value).toBe('5');
    fireEvent.change(input('/X'), { target: { value: '56' } });
    expect(session.data().X).toBe(56);
    act(() => session.set('/X', 5));
    expect(input('/X').value).toBe('5');
    act(() => session.set('/X', undefined));
    expect(input('/X').value).toBe('');
    fireEvent.change(input('/X'), { target: { value: '7a' } });
    expect(input('/X').value).toBe('');
    expect(session.data()).not.toHaveProperty('X');
  });

  it('clears the value when the number is erased', () => {
    const { session, input } = renderDefinition(one(money('金额')), { X: 300 });
    fireEvent.change(input('/X'), { target: { value: '' } });
    expect(session.data()).not.toHaveProperty('X');
  });
});

describe('yes / no', () => {
  it('answers with two big buttons, and a second tap takes the answer back', () => {
    const { session, field } = renderDefinition(one(yesNo('A1 居住在安置区')));
    const yes = within(field('/X')).getByRole('radio', { name: '是' });
    fireEvent.click(yes);
    expect(session.data().X).toBe(true);
    expect(yes).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(within(field('/X')).getByRole('radio', { name: '否' }));
    expect(session.data().X).toBe(false);
    fireEvent.click(within(field('/X')).getByRole('radio', { name: '否' }));
    expect(session.data()).not.toHaveProperty('X');
  });
});

describe('choices', () => {
  it('shows a few options as buttons in the seed\'s order', () => {
    const { session, field } = renderDefinition(one({ type: 'string', title: 'A53 风险消除方式', enum: ['帮扶消除', '自然消除'] }));
    const buttons = within(field('/X')).getAllByRole('radio').map((b) => b.textContent);
    expect(buttons).toEqual(['帮扶消除', '自然消除']);
    fireEvent.click(within(field('/X')).getByRole('radio', { name: '自然消除' }));
    expect(session.data().X).toBe('自然消除');
  });

  it('shows many options as a list, storing the code of a coded choice and showing its label', () => {
    const reasons = ['新生儿', '婚入', '刑满释放', '收养', '失联人口回归', '其他'].map((title, i) => ({ const: String(i + 1), title }));
    const { session, input } = renderDefinition(one({ type: 'string', title: '增加原因', oneOf: reasons }));
    const select = input<HTMLSelectElement>('/X');
    expect(select.tagName).toBe('SELECT');
    expect([...select.options].map((o) => o.textContent)).toEqual(['请选择', '新生儿', '婚入', '刑满释放', '收养', '失联人口回归', '其他']);
    fireEvent.change(select, { target: { value: '1' } });
    expect(session.data().X).toBe('2');
    fireEvent.change(select, { target: { value: '' } });
    expect(session.data()).not.toHaveProperty('X');
  });

  it('toggles multiple choices and keeps them in the seed\'s order', () => {
    const risks = ['因病', '因学', '因残', '因自然灾害'];
    const { session, field } = renderDefinition(one({ type: 'array', title: 'A27 风险类型', uniqueItems: true, items: { type: 'string', enum: risks } }));
    fireEvent.click(within(field('/X')).getByRole('checkbox', { name: '因自然灾害' }));
    fireEvent.click(within(field('/X')).getByRole('checkbox', { name: '因病' }));
    expect(session.data().X).toEqual(['因病', '因自然灾害']);
    fireEvent.click(within(field('/X')).getByRole('checkbox', { name: '因病' }));
    expect(session.data().X).toEqual(['因自然灾害']);
    expect(within(field('/X')).getByRole('checkbox', { name: '因自然灾害' })).toHaveAttribute('aria-checked', 'true');
  });
});

describe('resident ID', () => {
  const id = validId('50011819850612001');

  it('checks the check digit as it is typed and shows the birth date and gender it encodes', () => {
    const { session, input, field } = renderDefinition(one({ type: 'string', title: 'A7 居民身份证（残疾人证）号码', format: 'id-number' }));
    fireEvent.change(input('/X'), { target: { value: id.slice(0, 10) } });
    expect(field('/X').querySelector('.id-info')).toBeNull();
    fireEvent.change(input('/X'), { target: { value: id } });
    expect(within(field('/X')).getByText(/出生日期 1985-06-12，男/)).toBeInTheDocument();
    expect(session.data().X).toBe(id);
  });

  it('says which check digit is expected when the last one is wrong', () => {
    const { input, field } = renderDefinition(one({ type: 'string', title: 'A7 号码', format: 'id-number' }));
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    fireEvent.change(input('/X'), { target: { value: wrong } });
    expect(within(field('/X')).getByText(new RegExp(`校验位错误（第 18 位应为 ${id[17]}）`))).toBeInTheDocument();
  });

  it('upper-cases x, drops spaces, and reads a 20-digit disability certificate', () => {
    const withX = validId('11010519491231002');
    const { session, input, field } = renderDefinition(one({ type: 'string', title: 'A7 号码', format: 'id-number' }));
    fireEvent.change(input('/X'), { target: { value: ` ${withX.toLowerCase()} ` } });
    expect(session.data().X).toBe(withX);
    fireEvent.change(input('/X'), { target: { value: `${id}42` } });
    expect(within(field('/X')).getByText(/残疾类别：肢体，等级：2/)).toBeInTheDocument();
  });
});

describe('phones, months, dates, codes', () => {
  it('keeps only digits in a mobile number and says what is wrong with it', () => {
    const { session, input, field } = renderDefinition(one({ type: 'string', title: 'D2 监测责任人联系电话', format: 'mobile-phone' }));
    expect(input('/X')).toHaveAttribute('type', 'tel');
    fireEvent.change(input('/X'), { target: { value: '135 0832 1234' } });
    expect(session.data().X).toBe('13508321234');
    fireEvent.change(input('/X'), { target: { value: '12508321234' } });
    expect(within(field('/X')).getByText(/应以 13-19 开头/)).toBeInTheDocument();
  });

  it('uses the phone\'s month and date pickers, whose values are the engine\'s formats', () => {
    const { session, input } = renderDefinition(defineForm({
      M: { type: 'string', format: 'year-month', title: 'A54 风险消除时间' },
      D: { type: 'string', format: 'date', title: '填表日期' },
    }));
    expect(input('/M')).toHaveAttribute('type', 'month');
    expect(input('/D')).toHaveAttribute('type', 'date');
    fireEvent.change(input('/M'), { target: { value: '2021-09' } });
    fireEvent.change(input('/D'), { target: { value: '2021-11-10' } });
    expect(session.data()).toEqual({ M: '2021-09', D: '2021-11-10' });
  });

  it('keeps a division code to digits', () => {
    const { session, input } = renderDefinition(one({ type: 'string', title: '行政区划代码', format: 'division-code' }));
    fireEvent.change(input('/X'), { target: { value: '5001-1810-4201' } });
    expect(session.data().X).toBe('500118104201');
    expect(input('/X')).toHaveAttribute('inputmode', 'numeric');
  });
});

describe('long text', () => {
  it('counts characters against the limits as they are written', () => {
    const { field, input } = renderDefinition(one({ type: 'string', title: 'D7 家庭困难现状描述', minLength: 20, maxLength: 2000 }, { 'ui:widget': 'textarea' }));
    expect(input<HTMLTextAreaElement>('/X').tagName).toBe('TEXTAREA');
    fireEvent.change(input('/X'), { target: { value: '户主患病' } });
    const count = field('/X').querySelector('.character-count')!;
    expect(count).toHaveTextContent('4 字（20-2000 字）');
    expect(count).toHaveClass('short');
    fireEvent.change(input('/X'), { target: { value: '户主冉光明 2020 年确诊慢性肾病，每月自付医药费约 800 元' } });
    expect(field('/X').querySelector('.character-count')).not.toHaveClass('short');
  });
});

describe('computed values', () => {
  it('look computed, not editable, and follow the fields they come from', () => {
    const definition = defineForm(
      { A28: money('A28 工资性收入（元）'), A32: money('A32 生产经营性支出（元）'), A33: readOnlyMoney('A33 家庭纯收入（元）') },
      { computed: [{ field: 'A33', value: { '-': [{ var: ['A28', 0] }, { var: ['A32', 0] }] } }] },
      { uiSchema: { A28: { 'ui:widget': 'money' }, A33: { 'ui:widget': 'money' } } },
    );
    const { field, input } = renderDefinition(definition, { A28: 30000, A32: 2000 });
    const output = field('/A33').querySelector('output.computed')!;
    expect(output).toHaveTextContent('28,000 元');
    expect(field('/A33').querySelector('input')).toBeNull();
    expect(within(field('/A33')).getByText('自动计算')).toBeInTheDocument();
    fireEvent.change(input('/A32'), { target: { value: '3000.5' } });
    expect(output).toHaveTextContent('26,999.5 元');
  });
});

describe('member tables', () => {
  const members = defineForm({
    members: table('家庭成员', { A5: text('A5 姓名'), A8: text('A8 与户主关系') }, ['A5']),
  });

  it('adds a row as a new card', () => {
    const { session, view } = renderDefinition(members, { members: [{ A5: '张德明', A8: '户主' }] });
    fireEvent.click(within(view.container).getByRole('button', { name: /添加一行/ }));
    expect(view.container.querySelectorAll('.row-card')).toHaveLength(2);
    expect((session.data().members as unknown[]).length).toBe(2);
  });

  it('removes a row only on a second, confirming tap', async () => {
    const { session, view } = renderDefinition(members, { members: [{ A5: '张德明', A8: '户主' }, { A5: '李秀兰', A8: '配偶' }] });
    const second = view.container.querySelectorAll('.row-card')[1] as HTMLDetailsElement;
    expect(within(second).getByText(/李秀兰 · 配偶/)).toBeInTheDocument();
    expect(within(second).queryByRole('button', { name: '删除' })).toBeNull();
    await openCard(second);
    fireEvent.click(within(second).getByRole('button', { name: '删除' }));
    expect((session.data().members as unknown[]).length).toBe(2);
    fireEvent.click(within(second).getByRole('button', { name: '确定删除第 2 行？' }));
    expect(session.data().members).toEqual([{ A5: '张德明', A8: '户主' }]);
  });
});
