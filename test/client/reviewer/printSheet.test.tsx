// The signed paper sheet (issue 16): a submission printed as the seed lays it out — title,
// 填报单位, the sections, the member table as a table, computed values, each signature as drawn
// or a blank line to sign — and all of a village's approved sheets at once, one sheet each.
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate, type FormDefinition } from '@engine';
import type { Catalog } from '../../../client/pages/reviewer/ReviewerCatalog';
import { StaticCatalog } from '../../../client/pages/reviewer/ReviewerCatalog';
import { SubmissionPrintPage, VillagePrintPage } from '../../../client/pages/reviewer/print/PrintPage';
import { loadCases, loadForm } from '../../helpers/forms';
import { fakeServer } from './fixtures';

vi.mock('../../../client/form/loadValidators', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  loadVersionForm: async (_id: string, _version: number, definition: FormDefinition) => (await import('../../helpers/preparedForm')).preparedForm(definition),
}));

afterEach(() => vi.unstubAllGlobals());

const SIGNED = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png';
const PHOTO = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.jpg';
const GAOTAN = '500118104201';
const DIVISIONS = [
  { code: '50', name: '重庆市', parentCode: null }, { code: '5001', name: '市辖区', parentCode: '50' }, { code: '500118', name: '永川区', parentCode: '5001' },
  { code: '500118104', name: '临江镇', parentCode: '500118' }, { code: GAOTAN, name: '高滩村', parentCode: '500118104' },
];
const CAMPAIGN = { id: '2021', title: '2021年度', year: 2021, parameters: { incomeLine: 6000, referenceDate: '2021-09-30', incomePeriodStart: '2020-10-01', incomePeriodEnd: '2021-09-30' }, forms: [], status: 'open', divisions: [] };

const catalog = {
  forms: [], campaigns: [CAMPAIGN], divisions: DIVISIONS, tree: [], divisionName: (code: string) => DIVISIONS.find((d) => d.code === code)?.name ?? code, campaignsOf: () => [],
} as unknown as Catalog;

/** A submission as the server stores it: the data evaluated (computed values in, hidden values out). */
function stored(formId: string, id: string, headName: string, data: Record<string, unknown>, status = 'approved') {
  const definition = loadForm(formId);
  return {
    id, formId, formVersion: 1, campaignId: '2021', householdId: null, divisionCode: GAOTAN, headName, headIdNumber: '', status, statusLabel: '已通过',
    waitingOn: null, reviewLevel: 2, data: evaluate(definition, data, { params: CAMPAIGN.parameters }).data, errors: [], warnings: [], revision: 3,
    returnComment: null, explanations: {}, fieldNotes: [], createdBy: 'u-1', updatedAt: '2021-11-20T01:00:00.000Z', submittedAt: '2021-11-20T01:00:00.000Z',
    history: [], corrections: [],
  };
}

function serve(formId: string, routes: Record<string, (body: unknown, url: URL) => unknown>) {
  const definition = loadForm(formId);
  const server = fakeServer({ [`GET /api/forms/${formId}/versions/1`]: () => ({ id: formId, title: definition.title, version: 1, definition }), ...routes });
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

const chen = loadCases('monitoring-object')[0]!;

describe('the printed sheet of one submission', () => {
  it('lays out the monitoring-object sheet: title, 填报单位, sections in order, the members as a table, labels and computed values', async () => {
    serve('monitoring-object', { 'GET /api/submissions/s-chen': () => stored('monitoring-object', 's-chen', '陈国富', chen.data) });
    render(<StaticCatalog catalog={catalog}><SubmissionPrintPage id="s-chen" /></StaticCatalog>);
    const sheet = await screen.findByRole('article', { name: '易返贫致贫户信息采集表：陈国富' });
    expect(within(sheet).getByRole('heading', { level: 1 })).toHaveTextContent('易返贫致贫户信息采集表');
    expect(sheet).toHaveTextContent('填报单位：重庆市永川区临江镇高滩村');
    expect(sheet).toHaveTextContent('填报日期：2021-11-20');
    expect(within(sheet).getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '识别前筛查：原则上不得纳入监测对象的10类情形', '一、基本信息', '二、家庭成员信息', '三、三保障和饮水安全状况', '四、风险类型', '五、收支情况', '六、帮扶措施', '七、风险消除', '签字确认', '填表信息',
    ]);
    const members = within(sheet).getByRole('table', { name: '家庭成员信息' });
    const headers = within(members).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 4)).toEqual(['序号', 'A5 姓名', 'A6 性别', 'A7 居民身份证号码']);
    expect(headers).toContain('A16 务工时间（月）');
    const rows = within(members).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['陈国富', '刘素芬', '陈小龙', '陈雨桐']);
    expect(within(rows[0]!).getAllByRole('cell')[headers.indexOf('A17 是否参加城乡居民基本医疗保险')]).toHaveTextContent('是');
    // A computed value as stored, a multiple choice by its labels, a yes/no as 是/否.
    expect(sheet).toHaveTextContent('A33 家庭纯收入（系统生成）（元）：67200');
    expect(sheet).toHaveTextContent('A45 健康帮扶：大病保险、医疗救助');
    expect(sheet).toHaveTextContent('A23 是否住房出现安全问题：否');
    // A field the conditions hide (A2 安置区地址, A1 否) is not on the sheet.
    expect(sheet).not.toHaveTextContent('A2 安置区地址');
    // 双签字确认 (004) drawn on the phone, printed in their section; no extra lines at the foot.
    const signatures = within(sheet).getByRole('region', { name: '签字确认' });
    expect(within(signatures).getByRole('img', { name: '农户签字（户主签字）（已签字）' })).toHaveAttribute('src', `/api/attachments/${SIGNED}`);
    expect(within(signatures).getByRole('img', { name: '信息采集员签字（已签字）' })).toHaveAttribute('src', `/api/attachments/${SIGNED}`);
    expect(within(sheet).queryByRole('img', { name: '户主签字：待签字' })).toBeNull();
  });

  it('adds lines to sign on paper at the foot of a form with no signature field of its own (回头看)', async () => {
    const lookback = loadCases('lookback')[0]!;
    serve('lookback', { 'GET /api/submissions/s-look': () => stored('lookback', 's-look', '陈国富', lookback.data) });
    render(<StaticCatalog catalog={catalog}><SubmissionPrintPage id="s-look" /></StaticCatalog>);
    const sheet = await screen.findByRole('article', { name: /陈国富/ });
    expect(within(sheet).getByRole('img', { name: '户主签字：待签字' })).toBeInTheDocument();
    expect(within(sheet).getByRole('img', { name: '信息采集员签字：待签字' })).toBeInTheDocument();
  });

  it('shows a drawn signature as its image and leaves a blank line where one is missing; photos and the position print too', async () => {
    const case0 = loadCases('income-ledger')[0]!;
    const { officerSignature: _missing, ...data } = case0.data as Record<string, unknown>;
    serve('income-ledger', { 'GET /api/submissions/s-liu': () => stored('income-ledger', 's-liu', '刘大勇', { ...data, headSignature: SIGNED, housePhotos: [PHOTO] }) });
    render(<StaticCatalog catalog={catalog}><SubmissionPrintPage id="s-liu" /></StaticCatalog>);
    const sheet = await screen.findByRole('article', { name: /刘大勇/ });
    const signatures = within(sheet).getByRole('region', { name: '签字确认' });
    expect(within(signatures).getByRole('img', { name: '贫困户签字（户主签字）（已签字）' })).toHaveAttribute('src', `/api/attachments/${SIGNED}`);
    expect(within(signatures).getByRole('img', { name: '采集人签字（信息采集员签字）：待签字' })).toBeInTheDocument();
    expect(within(signatures).getByRole('img', { name: '住房照片 第 1 张' })).toHaveAttribute('src', `/api/attachments/${PHOTO}`);
    expect(signatures).toHaveTextContent('家庭位置：纬度 29.351234，经度 105.894321，精度 12 米');
    // The wage table and the ledger's computed rows.
    expect(within(sheet).getByRole('table', { name: '21、22 其中：家庭成员务工收入' })).toBeInTheDocument();
    expect(sheet).toHaveTextContent('51 农村家庭年收入总额（元）：46510');
    // The form has signature fields: no extra lines at the foot.
    expect(within(sheet).queryByRole('img', { name: '户主签字：待签字' })).toBeNull();
  });
});

describe('a village\'s approved sheets', () => {
  it('prints every approved submission of the village, each as a sheet of its own', async () => {
    const names = ['陈国富', '李秀兰', '王桂芳'];
    const server = serve('monitoring-object', {
      'GET /api/forms/monitoring-object/submissions': (_body, url) => {
        const items = names.map((name, n) => stored('monitoring-object', `s-${n}`, name, chen.data));
        return { items: items.slice((Number(url.searchParams.get('page')) - 1) * 2, Number(url.searchParams.get('page')) * 2), total: 3, page: 1, pageSize: 2 };
      },
      'GET /api/households': () => ({ items: [], total: 0 }),
    });
    render(<StaticCatalog catalog={catalog}><VillagePrintPage query={new URLSearchParams({ form: 'monitoring-object', division: GAOTAN, campaign: '2021', status: 'approved' })} /></StaticCatalog>);
    expect(await screen.findByText('共 3 份，每份一页（A4）')).toBeInTheDocument();
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual(names.map((n) => `易返贫致贫户信息采集表：${n}`));
    expect(document.querySelectorAll('.print-sheet')).toHaveLength(3);
    const asked = server.calls.filter((c) => c.url.pathname === '/api/forms/monitoring-object/submissions').map((c) => Object.fromEntries(c.url.searchParams));
    expect(asked[0]).toMatchObject({ division: GAOTAN, campaign: '2021', status: 'approved', page: '1' });
    expect(screen.getByRole('button', { name: '打印 / 存为 PDF' })).toBeEnabled();
  });

  it('asks for a village before printing', () => {
    render(<StaticCatalog catalog={catalog}><VillagePrintPage query={new URLSearchParams({ form: 'monitoring-object', division: '500118104' })} /></StaticCatalog>);
    expect(screen.getByRole('alert')).toHaveTextContent('请先在审核表格中选择一个村和表单');
  });
});
