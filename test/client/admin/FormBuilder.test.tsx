// The form builder in jsdom with the real engine and renderer (the server answered by a stand-in):
// fields added, renamed, moved, duplicated and deleted in the tree; options pasted from Excel; a
// formula's error shown as it is typed; a condition built from clauses — each seen in the live
// preview and in the draft the page saves. Saving and publishing state the draft revision they
// were made from; one refused because another administrator came first offers the latest draft.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '@engine';
import { SessionProvider } from '../../../client/app/SessionContext';
import { BuilderPage } from '../../../client/pages/admin/builder/BuilderPage';
import { mockServer, type MockServer } from './mockServer';
import { servedValidators } from '../../helpers/preparedForm';

// The draft's validators as the server makes them; the module at the address it returns is run
// here instead of imported (jsdom imports no URL).
const posted = vi.hoisted(() => new Map<string, Record<string, unknown>>());
vi.mock('../../../client/form/loadValidators', async (original) => ({
  ...(await original<typeof import('../../../client/form/loadValidators')>()),
  importValidators: async (url: string) => servedValidators(posted.get(url)!),
}));

const definition: FormDefinition = {
  id: 'f-test', title: '务工收入核查表',
  schema: {
    type: 'object',
    properties: {
      A1: { type: 'boolean', title: 'A1 是否外出务工' },
      A2: { type: 'string', title: 'A2 务工地点', maxLength: 50 },
      B1: { type: 'number', minimum: 0, title: 'B1 工资性收入（元）' },
      B2: { type: 'number', readOnly: true, title: 'B2 收入的一半（元）' },
    },
  },
  sections: [
    { id: 'work', title: '一、务工', fields: ['A1', 'A2'] },
    { id: 'income', title: '二、收入', fields: ['B1', 'B2'] },
  ],
  rules: { computed: [{ field: 'B2', value: { '/': [{ var: ['B1', 0] }, 2] } }] },
};

let server: MockServer;

beforeEach(() => {
  server = mockServer();
  server.on('GET', '/api/forms/f-test/draft', () => ({ definition: null, revision: 2 }));
  server.on('GET', '/api/forms/f-test', () => ({ id: 'f-test', title: definition.title, version: 1, definition }));
  server.on('GET', '/api/forms/f-test/cases', () => ({ cases: [] }));
  server.on('GET', '/api/campaigns', () => ({ items: [{ id: 'c-2022', title: '2022年度', year: 2022, parameters: {}, forms: ['f-test'], status: 'open', divisions: [], description: '', createdAt: '' }] }));
  server.on('GET', '/api/households', () => ({ items: [], total: 0, page: 1, pageSize: 50 }));
  server.on('PUT', '/api/forms/f-test/draft', (body) => ({ definition: body.definition, problems: [], revision: body.revision + 1 }));
  server.on('POST', '/api/forms/f-test/draft/validators', (body) => {
    const url = `/api/forms/f-test/draft/validators/${posted.size}`;
    posted.set(url, body.schema);
    return { url };
  });
  vi.spyOn(window, 'confirm').mockReturnValue(true);
});
afterEach(() => {
  server.restore();
  vi.restoreAllMocks();
});

async function openBuilder() {
  const view = render(<SessionProvider><BuilderPage formId="f-test" /></SessionProvider>);
  await screen.findByRole('navigation', { name: '表单结构' });
  return view;
}

const tree = () => screen.getByRole('navigation', { name: '表单结构' });
const sectionFields = (title: string) => within(tree()).getByRole('list', { name: `${title} 的字段` });
const fieldTitles = (title: string) => within(sectionFields(title)).getAllByRole('listitem').map((li) => li.querySelector('.node-title')?.textContent).filter(Boolean);
const editor = () => screen.getByRole('region', { name: /^编辑 / });
const preview = () => screen.getByRole('region', { name: '预览' });
const settings = () => screen.getByRole('region', { name: '表单设置' });

const draftPuts = () => server.requests.filter((r) => r.method === 'PUT' && r.path === '/api/forms/f-test/draft');

/**
 * Saves and answers what this save sent: waits for a PUT after those already sent, since the
 * "草稿已保存" of an earlier save may still be on the page.
 */
async function savedDraft(): Promise<FormDefinition> {
  const before = draftPuts().length;
  fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
  await waitFor(() => expect(draftPuts().length).toBeGreaterThan(before));
  await screen.findByText(/草稿已保存/);
  return draftPuts().at(-1)!.body.definition;
}

describe('the form builder', () => {
  it('adds a field to a section, names it, moves it up, duplicates and deletes it', async () => {
    await openBuilder();
    fireEvent.click(within(sectionFields('一、务工')).getByRole('button', { name: '＋ 添加字段' }));
    expect(within(editor()).getByRole('heading')).toHaveTextContent('A3 新字段');
    fireEvent.change(within(editor()).getByLabelText('名称'), { target: { value: '务工月数' } });
    expect(fieldTitles('一、务工')).toEqual(['A1 是否外出务工', 'A2 务工地点', 'A3 务工月数']);

    fireEvent.click(within(tree()).getByRole('button', { name: '上移 A3 务工月数' }));
    expect(fieldTitles('一、务工')).toEqual(['A1 是否外出务工', 'A3 务工月数', 'A2 务工地点']);
    fireEvent.click(within(tree()).getByRole('button', { name: '复制 A3 务工月数' }));
    expect(fieldTitles('一、务工')).toEqual(['A1 是否外出务工', 'A3 务工月数', 'A4 务工月数', 'A2 务工地点']);
    expect(within(editor()).getByRole('heading')).toHaveTextContent('A4 务工月数');
    fireEvent.click(within(tree()).getByRole('button', { name: '删除 A4 务工月数' }));
    expect(fieldTitles('一、务工')).toEqual(['A1 是否外出务工', 'A3 务工月数', 'A2 务工地点']);

    const saved = await savedDraft();
    expect(saved.sections![0]!.fields).toEqual(['A1', 'A3', 'A2']);
    expect(Object.keys(saved.schema.properties as object)).toEqual(['A1', 'A3', 'A2', 'B1', 'B2']);
    expect((saved.schema.properties as Record<string, unknown>).A3).toEqual({ type: 'string', title: 'A3 务工月数', maxLength: 50 });
  });

  it('fills a single choice\'s options from a column pasted from Excel, codes and labels', async () => {
    await openBuilder();
    fireEvent.click(within(tree()).getByRole('button', { name: /A2 务工地点/ }));
    fireEvent.change(within(editor()).getByRole('combobox', { name: /^类型/ }), { target: { value: 'choice' } });
    fireEvent.change(within(editor()).getByRole('textbox', { name: '从 Excel 粘贴' }), { target: { value: '1\t乡（镇）内\r\n2\t县外省内\r\n3\t省外\r\n' } });
    fireEvent.click(within(editor()).getByRole('button', { name: '用粘贴的内容替换选项' }));
    expect(within(editor()).getByRole('checkbox', { name: /选项带代码/ })).toBeChecked();
    expect(within(editor()).getByRole('textbox', { name: '第 2 项的代码' })).toHaveValue('2');
    expect(within(editor()).getByRole('textbox', { name: '第 2 项' })).toHaveValue('县外省内');
    await waitFor(() => expect(within(preview()).getByRole('radio', { name: '省外' })).toBeInTheDocument(), { timeout: 3000 });
    const saved = await savedDraft();
    expect((saved.schema.properties as Record<string, unknown>).A2).toEqual({
      type: 'string', title: 'A2 务工地点', oneOf: [{ const: '1', title: '乡（镇）内' }, { const: '2', title: '县外省内' }, { const: '3', title: '省外' }],
    });
  });

  it('shows a formula\'s error as it is typed, underlined, and applies the formula once it compiles', async () => {
    await openBuilder();
    fireEvent.click(within(tree()).getByRole('button', { name: /B2 收入的一半/ }));
    const formula = within(editor()).getByRole('textbox', { name: '计算公式' });
    expect(formula).toHaveValue('B1 / 2');
    fireEvent.change(formula, { target: { value: 'B1 * ' } });
    expect(within(editor()).getByRole('alert')).toHaveTextContent('后面缺少数值');
    expect(formula).toHaveAttribute('aria-invalid', 'true');
    expect(editor().querySelector('.formula-mirror mark')).toHaveTextContent('*');
    expect(screen.getByRole('button', { name: '保存草稿' })).toBeDisabled();
    fireEvent.change(formula, { target: { value: 'B1 * B9' } });
    expect(within(editor()).getByRole('alert')).toHaveTextContent('没有字段 B9');
    fireEvent.change(formula, { target: { value: 'B1 * 2' } });
    expect(within(editor()).queryByRole('alert')).toBeNull();
    expect(within(editor()).getByText('结果：数字')).toBeInTheDocument();

    await waitFor(() => expect(preview().querySelector('#root\\/B1')).not.toBeNull());
    await act(async () => new Promise((r) => setTimeout(r, 600)));
    fireEvent.change(preview().querySelector('#root\\/B1')!, { target: { value: '1200' } });
    await waitFor(() => expect(preview().querySelector('[data-pointer="/B2"] output')).toHaveTextContent('2,400'), { timeout: 3000 });
    const saved = await savedDraft();
    expect(saved.rules!.computed).toEqual([{ field: 'B2', value: { '*': [{ var: ['B1', 0] }, 2] } }]);
  });

  describe('a computed amount', () => {
    it('gets no "不能小于 0": a typed amount does, a computed one does not, nor one made computed', async () => {
      await openBuilder();
      fireEvent.click(within(tree()).getByRole('button', { name: /B2 收入的一半/ }));
      fireEvent.change(within(editor()).getByRole('combobox', { name: /^类型/ }), { target: { value: 'money' } });
      expect(within(editor()).getByRole('spinbutton', { name: '最小值' })).toHaveValue(null);

      fireEvent.click(within(sectionFields('二、收入')).getByRole('button', { name: '＋ 添加字段' }));
      fireEvent.change(within(editor()).getByLabelText('名称'), { target: { value: '家庭纯收入（元）' } });
      fireEvent.change(within(editor()).getByRole('combobox', { name: /^类型/ }), { target: { value: 'money' } });
      expect(within(editor()).getByRole('spinbutton', { name: '最小值' })).toHaveValue(0);
      fireEvent.click(within(editor()).getByRole('checkbox', { name: /^只读/ }));
      expect(within(editor()).getByRole('spinbutton', { name: '最小值' })).toHaveValue(null);
      fireEvent.change(within(editor()).getByRole('textbox', { name: '计算公式' }), { target: { value: 'B1 - 5000' } });

      const saved = await savedDraft();
      const properties = saved.schema.properties as Record<string, Record<string, unknown>>;
      expect(properties.B2).toEqual({ type: 'number', readOnly: true, title: 'B2 收入的一半（元）' });
      expect(properties.B3).toEqual({ type: 'number', readOnly: true, title: 'B3 家庭纯收入（元）' });
      expect(saved.rules!.computed).toContainEqual({ field: 'B3', value: { '-': [{ var: ['B1', 0] }, 5000] } });
    });

    it('shows the problem beside the field when a bound is set that the formula can break', async () => {
      await openBuilder();
      fireEvent.click(within(tree()).getByRole('button', { name: /B2 收入的一半/ }));
      fireEvent.change(within(editor()).getByRole('textbox', { name: '计算公式' }), { target: { value: 'B1 / 2 - 100' } });
      fireEvent.change(within(editor()).getByRole('spinbutton', { name: '最小值' }), { target: { value: '0' } });
      const problems = await within(editor()).findByRole('list', { name: '此处的问题' }, { timeout: 3000 });
      expect(problems).toHaveTextContent('B2 收入的一半（元）是计算字段（由公式得出，填表人无法修改），它的公式可能得出 -100 至 无上限 之间的值，会违反“不能小于 0”');
      fireEvent.change(within(editor()).getByRole('textbox', { name: '计算公式' }), { target: { value: 'B1 / 2' } });
      await waitFor(() => expect(within(editor()).queryByRole('list', { name: '此处的问题' })).toBeNull(), { timeout: 3000 });
    });
  });

  it('builds "show when A1 是 是" from clauses, and the preview shows the field only then', async () => {
    await openBuilder();
    fireEvent.click(within(tree()).getByRole('button', { name: /A2 务工地点/ }));
    fireEvent.click(within(editor()).getByRole('button', { name: '添加条件' }));
    fireEvent.change(within(editor()).getByRole('combobox', { name: '条件 1 的字段' }), { target: { value: 'A1' } });
    fireEvent.change(within(editor()).getByRole('combobox', { name: '条件 1 的比较' }), { target: { value: 'is' } });
    expect(within(editor()).getByRole('alert')).toHaveTextContent('请填写');
    fireEvent.change(within(editor()).getByRole('combobox', { name: '条件 1 的值' }), { target: { value: 'true' } });
    expect(within(editor()).queryByRole('alert')).toBeNull();
    expect(within(tree()).getByRole('button', { name: /^A2 务工地点/ })).toHaveTextContent('有条件');

    await waitFor(() => expect(preview().querySelector('[data-pointer="/A2"]')).toBeNull(), { timeout: 3000 });
    await act(async () => new Promise((r) => setTimeout(r, 450)));
    fireEvent.click(within(preview().querySelector<HTMLElement>('[data-pointer="/A1"]')!).getByRole('radio', { name: '是' }));
    await waitFor(() => expect(preview().querySelector('[data-pointer="/A2"]')).not.toBeNull());
    const saved = await savedDraft();
    expect(saved.rules!.visibility).toEqual([{ field: 'A2', when: expect.anything() }]);
  });

  it('refuses a code already taken, and renames a field everywhere once the code is free', async () => {
    await openBuilder();
    fireEvent.click(within(tree()).getByRole('button', { name: /B1 工资性收入/ }));
    const code = within(editor()).getByRole('textbox', { name: '编码' });
    fireEvent.change(code, { target: { value: 'B2' } });
    expect(within(editor()).getByRole('alert')).toHaveTextContent('编码 B2 已被使用');
    fireEvent.change(code, { target: { value: 'B5' } });
    fireEvent.blur(code);
    expect(within(editor()).getByRole('heading')).toHaveTextContent('B5 工资性收入（元）');
    const saved = await savedDraft();
    expect(saved.rules!.computed![0]!.value).toEqual({ '/': [{ var: ['B5', 0] }, 2] });
  });

  it('saves the preview as a test case with what comes out, and a changed formula then fails it with the engine\'s reason', async () => {
    server.on('PUT', '/api/forms/f-test/cases', (body) => ({ cases: body.cases }));
    await openBuilder();
    await waitFor(() => expect(preview().querySelector('#root\\/B1')).not.toBeNull());
    fireEvent.change(preview().querySelector('#root\\/B1')!, { target: { value: '1000' } });
    fireEvent.click(screen.getByRole('button', { name: '保存为测试用例' }));
    const form = screen.getByRole('form', { name: '保存测试用例' });
    fireEvent.change(within(form).getByRole('textbox', { name: '用例名称' }), { target: { value: '工资 1000 元' } });
    expect(within(form).getByRole('checkbox', { name: 'B2 收入的一半（元） = 500' })).toBeChecked();
    fireEvent.click(within(form).getByRole('button', { name: '保存测试用例' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: '测试用例（1）' })).toBeInTheDocument());
    const saved = server.requests.find((r) => r.method === 'PUT' && r.path === '/api/forms/f-test/cases')!.body.cases;
    expect(saved).toEqual([{ name: '工资 1000 元', params: {}, data: { B1: 1000, B2: 500 }, expect: { valid: true, values: { '/B2': 500 } } }]);

    fireEvent.click(screen.getByRole('tab', { name: '测试用例（1）' }));
    fireEvent.click(screen.getByRole('button', { name: '运行全部测试用例' }));
    expect(screen.getByText('全部通过（共 1 项）')).toBeInTheDocument();

    fireEvent.click(within(tree()).getByRole('button', { name: /B2 收入的一半/ }));
    fireEvent.change(within(editor()).getByRole('textbox', { name: '计算公式' }), { target: { value: 'B1 * 2' } });
    fireEvent.click(screen.getByRole('button', { name: '运行全部测试用例' }));
    expect(screen.getByText('1 项未通过（共 1 项）')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '工资 1000 元 未通过的原因' })).getByRole('listitem')).toHaveTextContent('【2022年度】/B2 应为 500，实际为 2000');
  });

  it('saves from the draft revision it loaded, then from the one each save answered', async () => {
    await openBuilder();
    fireEvent.change(within(settings()).getByLabelText('表名'), { target: { value: '务工收入核查表（改）' } });
    await savedDraft();
    fireEvent.change(within(settings()).getByLabelText('表名'), { target: { value: '务工收入核查表（再改）' } });
    await savedDraft();
    const puts = server.requests.filter((r) => r.method === 'PUT' && r.path === '/api/forms/f-test/draft');
    expect(puts.map((r) => r.body.revision)).toEqual([2, 3]);
  });

  it('shows why a save was refused when another administrator saved first, and loads their draft on request', async () => {
    server.on('PUT', '/api/forms/f-test/draft', () => ({
      status: 409, body: { error: { code: 'stale_revision', message: '草稿已被他人修改（当前版本 3），请刷新后再改', details: { revision: 3 } } },
    }));
    await openBuilder();
    fireEvent.change(within(settings()).getByLabelText('表名'), { target: { value: '我的修改' } });
    server.on('GET', '/api/forms/f-test/draft', () => ({ definition: { ...definition, title: '他人的草稿' }, revision: 3 }));
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('草稿已被他人修改（当前版本 3），请刷新后再改');
    fireEvent.click(screen.getByRole('button', { name: '载入最新版本' }));
    await waitFor(() => expect(within(settings()).getByLabelText('表名')).toHaveValue('他人的草稿'));
  });

  it('publishes the draft revision the check was made on', async () => {
    server.on('POST', '/api/forms/f-test/publish', (body, url) => url.search === '?dryRun=1'
      ? { version: null, dryRun: true, revision: 3, changes: ['修改了表名'], cases: [], campaigns: [] }
      : { status: 201, body: { version: 2, changes: ['修改了表名'], cases: [], revision: body.revision + 1 } });
    await openBuilder();
    fireEvent.change(within(settings()).getByLabelText('表名'), { target: { value: '务工收入核查表（改）' } });
    fireEvent.click(screen.getByRole('tab', { name: '发布' }));
    fireEvent.click(screen.getByRole('button', { name: '检查并准备发布' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认发布' }));
    await screen.findAllByText('已发布第 2 版');
    const published = server.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/forms/f-test/publish'));
    expect(published.map((r) => r.body)).toEqual([{}, { revision: 3, adopt: [], moveOpen: true }]);
  });

  it('asks which open campaigns adopt the new version, ticking those with no submission yet, and sends the choice', async () => {
    server.on('POST', '/api/forms/f-test/publish', (body, url) => url.search === '?dryRun=1'
      ? {
        version: null, dryRun: true, revision: 3, changes: ['新增字段 B3'], cases: [], campaigns: [{ id: 'c-2024', title: '2024年度' }],
        choices: [
          { id: 'c-2024', title: '2024年度', year: 2024, servedVersion: 1, submissions: 0, open: 0, adoptByDefault: true },
          { id: 'c-2023', title: '2023年度', year: 2023, servedVersion: 1, submissions: 12, open: 3, adoptByDefault: false },
        ],
      }
      : { status: 201, body: { version: 2, changes: ['新增字段 B3'], cases: [], revision: body.revision + 1, adopted: body.adopt } });
    await openBuilder();
    fireEvent.click(screen.getByRole('tab', { name: '发布' }));
    fireEvent.click(screen.getByRole('button', { name: '检查并准备发布' }));
    const choices = await screen.findByRole('group', { name: /哪些开放的活动采用新版本/ });
    const y2024 = within(choices).getByLabelText('2024年度（现用第 1 版，已有 0 份提交）');
    const y2023 = within(choices).getByLabelText('2023年度（现用第 1 版，已有 12 份提交）');
    expect([y2024, y2023].map((box) => (box as HTMLInputElement).checked)).toEqual([true, false]);
    // Nothing open moves unless a campaign with open drafts adopts.
    expect(within(choices).queryByLabelText(/迁移到新版本/)).toBeNull();
    fireEvent.click(y2023);
    fireEvent.click(within(choices).getByLabelText(/同时把采用活动中旧版本的草稿和被退回的表迁移到新版本（共 3 份/));
    fireEvent.click(y2024);
    fireEvent.click(screen.getByRole('button', { name: '确认发布' }));
    expect(await screen.findByText('采用新版本的活动：c-2023')).toBeInTheDocument();
    const sent = server.requests.filter((r) => r.method === 'POST' && r.path === '/api/forms/f-test/publish').at(-1)!.body;
    expect(sent).toEqual({ revision: 3, adopt: ['c-2023'], moveOpen: false });
  });
});

describe('photo, signature and location fields in the builder', () => {
  const SAMPLE = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

  it('adds a 照片 field with the design\'s schema, several up to a number, compression in ui:options, and 有/无 in the preview', async () => {
    await openBuilder();
    fireEvent.click(within(sectionFields('一、务工')).getByRole('button', { name: '＋ 添加字段' }));
    fireEvent.change(within(editor()).getByLabelText('名称'), { target: { value: '住房照片' } });
    fireEvent.change(within(editor()).getByLabelText('类型'), { target: { value: 'photo' } });
    let saved = await savedDraft();
    expect((saved.schema.properties as Record<string, unknown>).A3).toEqual({ type: 'string', title: 'A3 住房照片', format: 'photo' });

    fireEvent.change(within(editor()).getByLabelText('最多张数（1 为单张）'), { target: { value: '3' } });
    fireEvent.change(within(editor()).getByLabelText('照片长边（像素，默认 1600）'), { target: { value: '1200' } });
    saved = await savedDraft();
    expect((saved.schema.properties as Record<string, unknown>).A3).toEqual({ type: 'array', title: 'A3 住房照片', items: { type: 'string', format: 'photo' }, maxItems: 3 });
    expect((saved.uiSchema as Record<string, unknown>).A3).toEqual({ 'ui:options': { maxSide: 1200 } });

    const field = await waitFor(() => {
      const found = preview().querySelector('[data-pointer="/A3"]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(within(field).queryByLabelText('拍照')).toBeNull();
    fireEvent.click(within(field).getByRole('radio', { name: '有' }));
    expect(within(field).getByRole('radio', { name: '有' })).toHaveAttribute('aria-checked', 'true');

    fireEvent.change(within(editor()).getByLabelText('类型'), { target: { value: 'text' } });
    saved = await savedDraft();
    expect((saved.uiSchema as Record<string, unknown> | undefined)?.A3).toBeUndefined();
  });

  it('sets who signs a 签字 field, and a 位置 field is a location', async () => {
    await openBuilder();
    fireEvent.click(within(sectionFields('一、务工')).getByRole('button', { name: '＋ 添加字段' }));
    fireEvent.change(within(editor()).getByLabelText('类型'), { target: { value: 'signature' } });
    fireEvent.change(within(editor()).getByLabelText('签字人'), { target: { value: 'household' } });
    fireEvent.click(within(sectionFields('一、务工')).getByRole('button', { name: '＋ 添加字段' }));
    fireEvent.change(within(editor()).getByLabelText('类型'), { target: { value: 'location' } });
    const saved = await savedDraft();
    const properties = saved.schema.properties as Record<string, unknown>;
    expect(properties.A3).toEqual({ type: 'string', title: 'A3 新字段', format: 'signature' });
    expect((saved.uiSchema as Record<string, unknown>).A3).toEqual({ 'ui:options': { signer: 'household' } });
    expect(properties.A4).toEqual({ type: 'string', title: 'A4 新字段', format: 'location' });
  });

  it('switches a case\'s photo between 有 and 无 in the cases tab, saving the sample reference', async () => {
    const withPhoto: FormDefinition = {
      ...definition,
      schema: { ...definition.schema, properties: { ...(definition.schema.properties as object), P1: { type: 'string', format: 'photo', title: 'P1 住房照片' } } },
    };
    server.on('GET', '/api/forms/f-test', () => ({ id: 'f-test', title: definition.title, version: 1, definition: withPhoto }));
    server.on('GET', '/api/forms/f-test/cases', () => ({ cases: [{ name: '无照片', data: { B1: 1 }, expect: { valid: true } }] }));
    server.on('PUT', '/api/forms/f-test/cases', (body) => ({ cases: body.cases }));
    await openBuilder();
    fireEvent.click(screen.getByRole('tab', { name: '测试用例（1）' }));
    const toggle = screen.getByRole('radiogroup', { name: '无照片：P1 住房照片' });
    expect(within(toggle).getByRole('radio', { name: '无' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(within(toggle).getByRole('radio', { name: '有' }));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT' && r.path === '/api/forms/f-test/cases')).toBe(true));
    const saved = server.requests.find((r) => r.method === 'PUT' && r.path === '/api/forms/f-test/cases')!.body.cases;
    expect(saved[0].data).toEqual({ B1: 1, P1: `${SAMPLE}.jpg` });
  });
});
