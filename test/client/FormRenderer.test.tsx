import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FormData } from '@engine';
import { jumpToField } from '../../client/form/ErrorSummary';
import { FormRenderer } from '../../client/form/FormRenderer';
import { FormSession } from '../../client/form/FormSession';
import { preparedForm } from '../helpers/preparedForm';
import { loadCampaign, loadForm } from '../helpers/forms';
import { openCard } from '../helpers/openCard';
import { monitoringHousehold } from '../../bench/fixtures/monitoringHousehold';

const definition = loadForm('monitoring-object');
const params = loadCampaign('2021').parameters;

function renderForm(data: FormData, verify?: ConstructorParameters<typeof FormSession>[0]['verify']) {
  const prepared = preparedForm(definition);
  const session = new FormSession({ form: prepared.form, context: { params, household: null }, data, verify });
  const view = render(<FormRenderer definition={definition} session={session} validator={prepared.validator} />);
  return { session, view };
}

/** The frame of a field, found by the pointer it renders. */
function field(container: HTMLElement, pointer: string): HTMLElement {
  const element = container.querySelector(`[data-pointer="${pointer}"]`);
  if (!element) throw new Error(`no field ${pointer}`);
  return element as HTMLElement;
}

describe('FormRenderer on the monitoring-object form', () => {
  it('shows the seed\'s sections in order with the fields\' codes and labels', () => {
    const { view } = renderForm(monitoringHousehold(2));
    const titles = [...view.container.querySelectorAll('.form-section h2')].map((h) => h.textContent);
    expect(titles[1]).toBe('一、基本信息');
    expect(titles).toContain('五、收支情况');
    expect(within(field(view.container, '/A28')).getByText(/A28 工资性收入（元）/)).toBeInTheDocument();
  });

  it('recomputes A33 and A34 as A28 is typed', () => {
    const { view } = renderForm({ ...monitoringHousehold(2), A28: 0, A29: 0, A30: 0, A31: 0, A32: 0 });
    const a28 = view.container.querySelector<HTMLInputElement>('#root\\/A28')!;
    fireEvent.change(a28, { target: { value: '12000' } });
    expect(field(view.container, '/A33').querySelector('output')).toHaveTextContent('12,000 元');
    expect(field(view.container, '/A34').querySelector('output')).toHaveTextContent('6,000 元');
    fireEvent.change(a28, { target: { value: '12000.5' } });
    expect(field(view.container, '/A33').querySelector('output')).toHaveTextContent('12,000.5 元');
  });

  it('shows A2 only when A1 is 是, and drops its value when A1 turns 否', () => {
    const { view, session } = renderForm({ ...monitoringHousehold(2), A1: false });
    expect(view.container.querySelector('[data-pointer="/A2"]')).toBeNull();
    fireEvent.click(within(field(view.container, '/A1')).getByRole('radio', { name: '是' }));
    const a2 = view.container.querySelector<HTMLInputElement>('#root\\/A2')!;
    fireEvent.change(a2, { target: { value: '永川区临江镇安置小区' } });
    expect(session.data().A2).toBe('永川区临江镇安置小区');
    fireEvent.click(within(field(view.container, '/A1')).getByRole('radio', { name: '否' }));
    expect(view.container.querySelector('[data-pointer="/A2"]')).toBeNull();
    expect(session.data()).not.toHaveProperty('A2');
    fireEvent.click(within(field(view.container, '/A1')).getByRole('radio', { name: '是' }));
    expect(view.container.querySelector<HTMLInputElement>('#root\\/A2')!.value).toBe('');
  });

  it('leaves an unanswered required 是/否 unanswered rather than 否', () => {
    const { view, session } = renderForm({ address: '重庆市永川区临江镇高滩村3组' });
    fireEvent.click(within(field(view.container, '/E2')).getByRole('radio', { name: '否' }));
    expect(session.data().E2).toBe(false);
    expect(session.data()).not.toHaveProperty('E1');
    expect(within(field(view.container, '/E1')).getByRole('radio', { name: '否' })).toHaveAttribute('aria-checked', 'false');
  });

  it('shows a field\'s error in Chinese when it is left, not before', () => {
    const { view } = renderForm(monitoringHousehold(2));
    const a28 = view.container.querySelector<HTMLInputElement>('#root\\/A28')!;
    fireEvent.change(a28, { target: { value: '' } });
    expect(within(field(view.container, '/A28')).queryByRole('alert')).toBeNull();
    fireEvent.blur(a28);
    expect(within(field(view.container, '/A28')).getByRole('alert')).toHaveTextContent('A28 工资性收入（元）为必填项');
    fireEvent.change(a28, { target: { value: '500' } });
    expect(within(field(view.container, '/A28')).queryByRole('alert')).toBeNull();
  });

  it('shows every issue after a submit attempt, without touching any field', () => {
    const { view, session } = renderForm({ ...monitoringHousehold(2), A28: undefined, E3: true });
    act(() => {
      session.validate(true);
    });
    expect(within(field(view.container, '/A28')).getByRole('alert')).toHaveTextContent('为必填项');
    expect(within(field(view.container, '/E3')).getByRole('alert')).toBeInTheDocument();
  });

  it('renders member rows as cards titled by the member', () => {
    const { view } = renderForm(monitoringHousehold(3));
    const cards = view.container.querySelectorAll('.row-card');
    expect(cards).toHaveLength(3);
    expect(cards[0]!.querySelector('summary')).toHaveTextContent('张德明');
  });

  it('renders a collapsed member card\'s fields only once it is opened, with their values', async () => {
    const { view } = renderForm(monitoringHousehold(3));
    const card = view.container.querySelector<HTMLDetailsElement>('[data-pointer="/members/1"]')!;
    expect(card.open).toBe(false);
    expect(card.querySelector('#root\\/members\\/1\\/A5')).toBeNull();
    await openCard(card);
    expect(card.querySelector<HTMLInputElement>('#root\\/members\\/1\\/A5')!.value).toBe('李秀兰');
  });

  it('opens a member card with an issue to show, and shows the field with its message', () => {
    const household = monitoringHousehold(3);
    (household.members as Record<string, unknown>[])[2]!.A5 = undefined;
    const { view, session } = renderForm(household);
    expect(view.container.querySelector<HTMLDetailsElement>('[data-pointer="/members/2"]')!.open).toBe(false);
    act(() => {
      session.validate(true);
    });
    const card = view.container.querySelector<HTMLDetailsElement>('[data-pointer="/members/2"]')!;
    expect(card.open).toBe(true);
    expect(within(field(view.container, '/members/2/A5')).getByRole('alert')).toHaveTextContent('为必填项');
  });

  it('jumps to a field in a collapsed member card: the card opens and its input takes the focus', async () => {
    const { view } = renderForm(monitoringHousehold(3));
    jumpToField('/members/2/A7');
    await waitFor(() => expect(document.activeElement).toBe(view.container.querySelector('#root\\/members\\/2\\/A7')));
    expect(view.container.querySelector<HTMLDetailsElement>('[data-pointer="/members/2"]')!.open).toBe(true);
  });

  it('shows values as text, without inputs, in the reviewer\'s read-only view', () => {
    const prepared = preparedForm(definition);
    const session = new FormSession({ form: prepared.form, context: { params, household: null }, data: { ...monitoringHousehold(2), A28: 12000 } });
    const view = render(<FormRenderer definition={definition} session={session} validator={prepared.validator} readOnlyView />);
    expect(field(view.container, '/A28').querySelector('output')).toHaveTextContent('12000');
    expect(field(view.container, '/A28').querySelector('input')).toBeNull();
  });

  it('fills campaign values into help texts', () => {
    const withHelp = structuredClone(definition);
    withHelp.uiSchema = { ...withHelp.uiSchema, A28: { ...(withHelp.uiSchema?.A28 as object), 'ui:help': '收入线 {{$params.incomeLine}} 元，统计时点 {{$params.referenceDate}}' } };
    const prepared = preparedForm(withHelp);
    const session = new FormSession({ form: prepared.form, context: { params, household: null }, data: {} });
    const view = render(<FormRenderer definition={withHelp} session={session} validator={prepared.validator} />);
    expect(within(field(view.container, '/A28')).getByText('收入线 6000 元，统计时点 2021-09-30')).toBeInTheDocument();
  });

  it('renders labels, help and messages as text, never as HTML', () => {
    const hostile = structuredClone(definition);
    (hostile.schema.properties as Record<string, { title: string }>).A28!.title = '<img src=x onerror=alert(1)>A28';
    const prepared = preparedForm(hostile);
    const session = new FormSession({ form: prepared.form, context: { params, household: null }, data: {} });
    const view = render(<FormRenderer definition={hostile} session={session} validator={prepared.validator} />);
    expect(view.container.querySelector('img')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>A28/)).toBeInTheDocument();
  });
});

describe('verifying pre-filled fields', () => {
  const registry = { address: '重庆市永川区临江镇高滩村3组', phone: '13983001234', divisionCode: '500118104201' };

  it('shows the registry value with 核实无误 / 更正, and records a correction against it', () => {
    const { view, session } = renderForm({ ...monitoringHousehold(2), ...registry }, { fields: ['address', 'phone', 'divisionCode'], registry });
    const address = field(view.container, '/address');
    expect(within(address).getByText(registry.address)).toBeInTheDocument();
    fireEvent.click(within(address).getByRole('button', { name: '核实无误' }));
    expect(within(address).getByRole('button', { name: /已核实/ })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(address).getByRole('button', { name: '更正' }));
    const input = address.querySelector<HTMLInputElement>('input')!;
    fireEvent.change(input, { target: { value: '重庆市永川区临江镇高滩村5组' } });
    expect(session.data().address).toBe('重庆市永川区临江镇高滩村5组');
    expect(within(address).getByText(/原登记值：重庆市永川区临江镇高滩村3组/)).toBeInTheDocument();
    fireEvent.click(within(address).getByRole('button', { name: '还原' }));
    expect(session.data().address).toBe(registry.address);
  });
});
