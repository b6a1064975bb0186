// Warnings are information the officer sees wherever their rule holds, touched or not, worded
// with the values of now, after a reload too; 正式提交 asks for an explanation of each (核实说明)
// and sends them with the submission. The monitoring-object form with 李扎约's household of its
// shipped cases: a 脱贫户 at 5,999 元 per person (line 6,000 元) marked 突发严重困难户.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCase, FormData, FormDefinition } from '@engine';
import { SessionProvider } from '../../client/app/SessionContext';
import { ErrorSummary } from '../../client/form/ErrorSummary';
import { FormRenderer } from '../../client/form/FormRenderer';
import { FormSession } from '../../client/form/FormSession';
import { FormStoreContext } from '../../client/form/useFormStore';
import { getDraft, putDraft } from '../../client/offline/drafts';
import type { LocalDraft } from '../../client/offline/LocalDraft';
import { FillPage } from '../../client/pages/officer/FillPage';
import { loadCases, loadForm } from '../helpers/forms';
import { preparedForm } from '../helpers/preparedForm';
import { mockServer, type MockServer } from './admin/mockServer';

// The page imports the validator module the server serves; here the same module, made in-process.
// (Imported when called: the helper itself imports the mocked module.)
vi.mock('../../client/form/loadValidators', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/form/loadValidators')>()),
  loadVersionForm: async (_id: string, _version: number, definition: FormDefinition) => (await import('../helpers/preparedForm')).preparedForm(definition),
}));

const definition = loadForm('monitoring-object');
const li = loadCases('monitoring-object').find((c) => c.name.startsWith('脱贫户人均 5999 元（低于 6000 元收入线）填突发严重困难户')) as FormCase;
const RULE = 'kind-below-line-poverty-exited';
/** A page's first load prepares the form (its validators, the definition): seconds on a busy machine. */
const LOADED = { timeout: 15000 };

function field(container: HTMLElement, pointer: string): HTMLElement {
  const element = container.querySelector(`[data-pointer="${pointer}"]`);
  if (!element) throw new Error(`no field ${pointer}`);
  return element as HTMLElement;
}

function renderForm(data: FormData) {
  const prepared = preparedForm(definition);
  const session = new FormSession({ form: prepared.form, context: { params: li.params, household: li.household ?? null }, data });
  const view = render(
    <FormStoreContext.Provider value={session.store}>
      <ErrorSummary session={session} />
      <FormRenderer definition={definition} session={session} validator={prepared.validator} />
    </FormStoreContext.Provider>,
  );
  return { session, view };
}

const a3Warning = (container: HTMLElement) => within(field(container, '/A3')).queryByRole('status');

describe('warnings in the form', () => {
  it('shows the A3 income-line warning as the form opens, nothing touched', () => {
    const { view } = renderForm(li.data);
    expect(a3Warning(view.container)).toHaveTextContent('A34 家庭人均纯收入 5999 元低于收入线 6000 元，脱贫户（A4 为“是”）应为脱贫不稳定户');
    expect(field(view.container, '/A3')).toHaveClass('has-warning');
  });

  it('rewords the warning as A28 changes and drops it when the rule no longer holds', () => {
    const { view } = renderForm({ ...li.data, A3: '脱贫不稳定户' });
    expect(a3Warning(view.container)).toBeNull();
    const a28 = view.container.querySelector<HTMLInputElement>('#root\\/A28')!;
    // 3 yuan more: 6,000 per person, at the line, so 脱贫不稳定户 is wrong.
    fireEvent.change(a28, { target: { value: '9603' } });
    expect(a3Warning(view.container)).toHaveTextContent('A34 家庭人均纯收入 6000 元不低于收入线 6000 元，应为突发严重困难户');
    fireEvent.change(a28, { target: { value: '12603' } });
    expect(a3Warning(view.container)).toHaveTextContent('A34 家庭人均纯收入 7000 元不低于收入线');
    fireEvent.change(a28, { target: { value: '9600' } });
    expect(a3Warning(view.container)).toBeNull();
  });

  it('lists each warning rule after a submit attempt with a box for its explanation', () => {
    const { view, session } = renderForm(li.data);
    act(() => {
      session.validate(true);
    });
    const summary = view.container.querySelector<HTMLElement>('.error-summary')!;
    expect(summary).toHaveTextContent('1 条提示：请逐条核实，写明核实说明后才能正式提交');
    const box = within(summary).getByLabelText(/核实说明/);
    expect(box).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(box, { target: { value: '户主年底务工收入已到账，已核实' } });
    expect(session.store.get().explanations).toEqual({ [RULE]: '户主年底务工收入已到账，已核实' });
    expect(session.heldExplanations()).toEqual({ [RULE]: '户主年底务工收入已到账，已核实' });
    expect(within(field(view.container, '/A3')).getByText('核实说明：户主年底务工收入已到账，已核实')).toBeInTheDocument();
  });
});

describe('FillPage', () => {
  let server: MockServer;
  const posted: any[] = [];

  function draft(): LocalDraft {
    return {
      id: '6f0c8a52-3f0e-4c1e-9d7a-0d5e2f4b8a11', formId: 'monitoring-object', formVersion: 1, formTitle: definition.title, campaignId: '2021',
      householdId: 'h-li', householdKey: 'h-li', headName: '李扎约', divisionCode: '530925100203', data: li.data, prefill: {},
      confirmed: [], serverRevision: null, serverStatus: null, returnComment: null, pending: null, problem: null, serverIssues: [],
      duplicateOf: null, updatedAt: '2021-11-08T02:00:00.000Z', syncedAt: null,
    };
  }

  beforeEach(async () => {
    posted.length = 0;
    server = mockServer();
    server.on('GET', '/api/forms/monitoring-object/versions/1', () => ({ id: 'monitoring-object', title: definition.title, version: 1, definition }));
    server.on('GET', '/api/campaigns', () => ({ items: [{ id: '2021', title: '2021年度', year: 2021, parameters: li.params, forms: ['monitoring-object'] }] }));
    server.on('GET', '/api/households/h-li', () => ({ ...li.household, id: 'h-li', memberCount: 3, divisionName: '彝家村', submissions: [], history: [] }));
    // The case's signatures are on the server already: nothing to upload before the submission.
    server.on('POST', '/api/attachments/missing', () => ({ missing: [] }));
    server.on('POST', '/api/forms/monitoring-object/submissions', (body) => {
      posted.push(body);
      return { status: 201, body: { ...body, status: 'submitted', revision: 1, returnComment: null, explanations: body.explanations ?? {}, fieldNotes: [] } };
    });
    await putDraft(draft());
  });
  afterEach(() => server.restore());

  const page = () => render(<SessionProvider><FillPage id={draft().id} /></SessionProvider>);

  it('shows the warning with the values of now after a reload, rebuilt from the draft kept on the phone', async () => {
    const first = page();
    await waitFor(() => expect(a3Warning(first.container)).toHaveTextContent('5999 元'), LOADED);
    // A28's section comes a moment after the first screen's.
    await waitFor(() => expect(first.container.querySelector('#root\\/A28')).not.toBeNull());
    // The fields subscribe to the form's state once React has run its effects.
    await act(async () => {});
    fireEvent.change(first.container.querySelector<HTMLInputElement>('#root\\/A28')!, { target: { value: '9603' } });
    // 6,000 per person: 突发严重困难户 is right now, and 脱贫不稳定户 would be wrong.
    expect(a3Warning(first.container)).toBeNull();
    fireEvent.click(within(field(first.container, '/A3')).getByRole('radio', { name: '脱贫不稳定户' }));
    expect(a3Warning(first.container)).toHaveTextContent('A34 家庭人均纯收入 6000 元不低于收入线 6000 元，应为突发严重困难户');
    await waitFor(async () => expect((await getDraft(draft().id))!.data).toMatchObject({ A28: 9603, A3: '脱贫不稳定户' }));
    first.unmount();

    const again = page();
    await waitFor(() => expect(a3Warning(again.container)).toHaveTextContent('A34 家庭人均纯收入 6000 元不低于收入线 6000 元'), LOADED);
  });

  it('shows a returned submission\'s notes on fields at the top and at each field, opening the member card noted', async () => {
    await putDraft({
      ...draft(), serverStatus: 'returned', returnComment: '请按标注修改',
      fieldNotes: [{ path: '/A28', note: '务工收入偏低，请核实' }, { path: '/members/1/A7', note: '证件号码与户口簿不符' }],
    });
    const view = page();
    const top = await screen.findByRole('region', { name: '审核员标注了 2 处需要修改：' }, LOADED);
    expect(within(top).getByRole('button', { name: 'A28 工资性收入（元）：务工收入偏低，请核实' })).toBeInTheDocument();
    expect(within(top).getByRole('button', { name: /家庭成员信息第 2 行：A7 .*：证件号码与户口簿不符/ })).toBeInTheDocument();
    // The sections past the first screen come a moment after it (the fill page renders its first screen first).
    await waitFor(() => expect(within(field(view.container, '/A28')).getByRole('note')).toHaveTextContent('审核意见：务工收入偏低，请核实'));
    await waitFor(() => expect(view.container.querySelector<HTMLDetailsElement>('[data-pointer="/members/1"]')!.open).toBe(true));
    expect(within(field(view.container, '/members/1/A7')).getByRole('note')).toHaveTextContent('审核意见：证件号码与户口簿不符');
  });

  it('does not send 正式提交 until each warning is explained, then sends the explanations with it', async () => {
    const view = page();
    await waitFor(() => expect(a3Warning(view.container)).not.toBeNull(), LOADED);
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: '正式提交' }));
    const box = await screen.findByLabelText(/核实说明/, undefined, LOADED);
    expect(await screen.findByText('还有 1 条提示未填写核实说明')).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(posted).toEqual([]);

    fireEvent.change(box, { target: { value: '户主年底务工收入已到账，已核实' } });
    await waitFor(async () => expect((await getDraft(draft().id))!.explanations).toEqual({ [RULE]: '户主年底务工收入已到账，已核实' }));
    fireEvent.click(screen.getByRole('button', { name: '正式提交' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ submit: true, explanations: { [RULE]: '户主年底务工收入已到账，已核实' } });
  });
});
