// The builder's Excel tools in jsdom (the server answered by a stand-in): an uploaded workbook is
// checked first (a dry run) and its report shown on the page — problems by sheet, row and column,
// the form's test cases — and only a report that passes offers 保存为草稿, which sends the same
// workbook with the draft revision and loads the saved draft; 下载为 Excel asks for the version
// the builder shows.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '@engine';
import type { XlsformImport } from '@engine/contract';
import { SessionProvider } from '../../../client/app/SessionContext';
import { BuilderPage } from '../../../client/pages/admin/builder/BuilderPage';
import { servedValidators } from '../../helpers/preparedForm';
import { mockServer, type MockServer } from './mockServer';

const posted = vi.hoisted(() => new Map<string, Record<string, unknown>>());
vi.mock('../../../client/form/loadValidators', async (original) => ({
  ...(await original<typeof import('../../../client/form/loadValidators')>()),
  importValidators: async (url: string) => servedValidators(posted.get(url)!),
}));

const definition: FormDefinition = {
  id: 'f-test', title: '务工收入核查表',
  schema: { type: 'object', properties: { B1: { type: 'number', minimum: 0, title: 'B1 工资性收入（元）' } } },
};
const imported: FormDefinition = { ...definition, title: '务工收入核查表（Excel）' };

const report = (over: Partial<XlsformImport>): XlsformImport => ({
  dryRun: true, ok: true, saved: false, problems: [], summary: { fields: 1, sections: 0, tables: 0, rules: 0, languages: ['en'] },
  cases: [{ name: '工资 1000 元', campaignId: 'c-2022', campaignTitle: '2022年度', passed: true, failures: [] }],
  definition: imported, revision: null, ...over,
});

let server: MockServer;
let draft: FormDefinition | null;

beforeEach(() => {
  draft = null;
  server = mockServer();
  server.on('GET', '/api/forms/f-test/draft', () => ({ definition: draft, revision: draft ? 3 : 2 }));
  server.on('GET', '/api/forms/f-test', () => ({ id: 'f-test', title: definition.title, version: 1, definition }));
  server.on('GET', '/api/forms/f-test/cases', () => ({ cases: [] }));
  server.on('GET', '/api/campaigns', () => ({ items: [] }));
  server.on('POST', '/api/forms/f-test/draft/validators', (body) => {
    const url = `/api/forms/f-test/draft/validators/${posted.size}`;
    posted.set(url, body.schema);
    return { url };
  });
});
afterEach(() => {
  server.restore();
  vi.restoreAllMocks();
});

async function openBuilder() {
  render(<SessionProvider><BuilderPage formId="f-test" /></SessionProvider>);
  await screen.findByRole('navigation', { name: '表单结构' });
}

function upload() {
  const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '核查表.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  fireEvent.change(screen.getByLabelText('从 Excel 导入'), { target: { files: [file] } });
}

const xlsformPosts = () => server.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/forms/f-test/xlsform'));

describe('从 Excel 导入', () => {
  it('shows a refused workbook\'s problems by sheet, row and column, and offers no save', async () => {
    server.on('POST', '/api/forms/f-test/xlsform', () => report({
      ok: false, definition: null, cases: [],
      problems: [
        { sheet: 'survey', row: 5, column: 'type', message: '题型条码（barcode）在本系统没有对应', severity: 'error' },
        { sheet: 'survey', row: 2, column: 'type', message: '元数据“start”由系统自行记录（提交时间、填报人），不作为表单字段，已略过', severity: 'warning' },
      ],
    }));
    await openBuilder();
    upload();
    const shown = await screen.findByRole('region', { name: 'Excel 导入报告' });
    expect(within(shown).getByRole('status')).toHaveTextContent('不能导入：有 1 处错误，未作任何修改。');
    const rows = within(shown).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([
      'survey · 第 5 行 · type题型条码（barcode）在本系统没有对应',
      'survey · 第 2 行 · type元数据“start”由系统自行记录（提交时间、填报人），不作为表单字段，已略过',
    ]);
    expect(within(shown).queryByRole('button', { name: '保存为草稿' })).toBeNull();
    expect(xlsformPosts().map((r) => r.path)).toEqual(['/api/forms/f-test/xlsform?dryRun=1&title=%E6%A0%B8%E6%9F%A5%E8%A1%A8']);
  });

  it('shows a failing test case and offers no save', async () => {
    server.on('POST', '/api/forms/f-test/xlsform', () => report({
      ok: false, cases: [{ name: '工资 1000 元', campaignId: 'c-2022', campaignTitle: '2022年度', passed: false, failures: ['/B2 应为 500，实际为 1000'] }],
    }));
    await openBuilder();
    upload();
    const shown = await screen.findByRole('region', { name: 'Excel 导入报告' });
    expect(within(shown).getByRole('status')).toHaveTextContent('不能导入：有 1 个测试用例未通过');
    expect(within(shown).getByRole('list', { name: '测试用例' })).toHaveTextContent('未通过：工资 1000 元（2022年度）/B2 应为 500，实际为 1000');
    expect(within(shown).queryByRole('button', { name: '保存为草稿' })).toBeNull();
  });

  it('saves a passing workbook as the draft with the revision it was loaded at, then shows the saved draft', async () => {
    server.on('POST', '/api/forms/f-test/xlsform', (_body, url) => {
      if (url.searchParams.get('dryRun') === '1') return report({});
      draft = imported;
      return report({ dryRun: false, saved: true, revision: 3 });
    });
    await openBuilder();
    upload();
    const shown = await screen.findByRole('region', { name: 'Excel 导入报告' });
    expect(within(shown).getByText(/读到 1 个题目.*其他语言：en/)).toBeTruthy();
    expect(within(shown).getByRole('status')).toHaveTextContent('可以导入');
    fireEvent.click(within(shown).getByRole('button', { name: '保存为草稿' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('务工收入核查表（Excel）'), { timeout: 5000 });
    // The notice survives the reload of the saved draft, which starts the builder afresh.
    expect(screen.getByText('已从 Excel 导入并保存为草稿（第 3 次保存）；在“发布”中发布为新版本。')).toBeTruthy();
    expect(xlsformPosts().map((r) => r.path)).toEqual([
      '/api/forms/f-test/xlsform?dryRun=1&title=%E6%A0%B8%E6%9F%A5%E8%A1%A8',
      '/api/forms/f-test/xlsform?revision=2&title=%E6%A0%B8%E6%9F%A5%E8%A1%A8',
    ]);
    expect(xlsformPosts()[1]!.body).toBeInstanceOf(File);
  });
});

describe('下载为 Excel', () => {
  it('asks for the version the builder started from when there is no draft, and saves nothing', async () => {
    server.on('GET', '/api/forms/f-test/xlsform', () => new Response(new Uint8Array([0x50, 0x4b]), { status: 200 }));
    const created = vi.fn(() => 'blob:workbook');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await openBuilder();
    fireEvent.click(screen.getByRole('button', { name: '下载为 Excel' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(server.requests.filter((r) => r.path.includes('xlsform')).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/forms/f-test/xlsform?version=1']);
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
  });
});
