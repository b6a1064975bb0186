// The officer's 重点核查户 page: the village's households to verify with their counts and how long
// each has waited; closing one with a reason at the revision read (and being told when someone
// was first); adding a finding; opening the identification form, which starts from the person
// and the reason and links the draft to the item.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../client/app/App';
import { SessionProvider } from '../../../client/app/SessionContext';
import { db } from '../../../client/offline/db';
import { getDraft } from '../../../client/offline/drafts';
import { defineForm, text } from '../../helpers/defineForm';
import { fakeServer } from '../reviewer/fixtures';
import { item, ITEMS, listPage, onVerificationDay } from './fixtures';

const OFFICER = { id: 'u-1', username: 'gaotan', displayName: '周志勇', phone: '13983011201', role: 'officer', scope: ['500118104201'] };
const DIVISIONS = { items: [{ code: '500118104201', name: '高滩村', parentCode: '500118104' }] };
const CAMPAIGN = { id: '2023', title: '2023年度', year: 2023, parameters: {} };
const identification = {
  ...defineForm({
    divisionCode: text('行政区划代码', { format: 'division-code' }),
    cause: { type: 'string', title: '致贫原因', enum: ['因病', '因残', '因意外事故'] },
    risks: { type: 'array', title: '风险类型', items: { type: 'string', enum: ['因病', '因学', '因意外事故', '其他'] }, uniqueItems: true },
    members: {
      type: 'array', title: '家庭成员',
      items: { type: 'object', properties: { A1: text('姓名'), A4: text('身份证号'), A5: text('与户主关系') } },
    },
  }),
  id: 'identify', title: '新识别农户信息采集表', createsHousehold: true,
  registry: { prefill: [{ field: 'divisionCode', from: 'divisionCode' }, { field: 'members', from: 'members', columns: { A1: 'name', A4: 'idNumber', A5: 'relation' } }] },
};
const FORMS = { items: [{ id: 'identify', title: identification.title, version: 1, description: '', createsHousehold: true, forHousehold: false, campaigns: [CAMPAIGN] }] };

function open(path: string, routes: Parameters<typeof fakeServer>[0] = {}) {
  window.history.replaceState(null, '', path);
  const server = fakeServer({
    'GET /api/session': () => ({ user: OFFICER, csrfToken: 't' }),
    'GET /api/divisions': () => DIVISIONS,
    'GET /api/forms': () => FORMS,
    'GET /api/verification-items': () => listPage(),
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  render(<SessionProvider><App /></SessionProvider>);
  return server;
}

onVerificationDay(async () => (await db()).clear('drafts'));

describe('the officer\'s 重点核查户', () => {
  it('lists the village\'s open items with their source, reason and days waited, and counts by source', async () => {
    const server = open('/villages/500118104201/verification');
    const cards = await screen.findAllByRole('listitem');
    expect(cards.map((c) => c.querySelector('strong')!.textContent)).toEqual(['陈淑芬', '李秀兰', '赵永福']);
    expect(cards[0]).toHaveTextContent('自主申请');
    expect(cards[0]).toHaveTextContent('已等待 15 天');
    expect(cards[1]).toHaveTextContent('1101**********002X');
    const counts = screen.getByRole('table');
    const cells = (source: RegExp) => [...within(counts).getByRole('row', { name: source }).querySelectorAll('td')].map((td) => td.textContent);
    // 待核查, 已纳入, 已关闭, and how long the oldest open one has waited (today: 7 March).
    expect(cells(/自主申请/)).toEqual(['1', '0', '0', '15 天']);
    expect(cells(/部门预警/)).toEqual(['1', '0', '2', '6 天']);
    expect(cells(/信息员发现/)).toEqual(['1', '0', '0', '1 天']);
    expect(server.calls.find((c) => c.url.pathname === '/api/verification-items')!.url.searchParams.get('state')).toBe('open');
    expect(screen.getByText('高滩村重点核查户')).toBeInTheDocument();
  });

  it('closes an item with the chosen reason at the revision it read, and shows the server\'s word when someone was first', async () => {
    let closes = 0;
    const server = open('/villages/500118104201/verification', {
      'POST /api/verification-items/v-warn/close': () => (++closes === 1
        ? item({ id: 'v-warn', state: 'closed', closedReason: '已是监测对象', revision: 2 })
        : new Response(JSON.stringify({ error: { code: 'stale_revision', message: '该核查对象已关闭（已是监测对象），未作任何修改' } }), { status: 409 })),
    });
    const card = (await screen.findByText('李秀兰')).closest('li')!;
    fireEvent.click(within(card).getByRole('button', { name: '关闭' }));
    fireEvent.click(within(card).getByLabelText('已是监测对象'));
    fireEvent.click(within(card).getByRole('button', { name: '确认关闭' }));
    await waitFor(() => expect(server.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(server.calls.find((c) => c.method === 'POST')!.body).toEqual({ revision: 1, reason: '已是监测对象' });

    const again = (await screen.findByText('李秀兰')).closest('li')!;
    fireEvent.click(within(again).getByRole('button', { name: '关闭' }));
    fireEvent.click(within(again).getByLabelText('其他'));
    expect(within(again).getByRole('button', { name: '确认关闭' })).toBeDisabled();
    fireEvent.change(within(again).getByLabelText('其他原因'), { target: { value: '已外出务工，收入稳定' } });
    fireEvent.click(within(again).getByRole('button', { name: '确认关闭' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('该核查对象已关闭（已是监测对象），未作任何修改');
    expect(server.calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({ revision: 1, reason: '已外出务工，收入稳定' });
  });

  it('adds the officer\'s own finding and shows the server\'s refusal beside the form', async () => {
    let adds = 0;
    const server = open('/villages/500118104201/verification', {
      'POST /api/verification-items': () => (++adds === 1
        ? new Response(JSON.stringify({ error: { code: 'bad_request', message: '请求字段 idNumber 不正确：身份证号校验码错误' } }), { status: 400 })
        : item({ id: 'v-new', name: '孙桂兰' })),
    });
    fireEvent.click(await screen.findByRole('button', { name: '+ 新增核查对象' }));
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '孙桂兰' } });
    fireEvent.change(screen.getByLabelText('身份证号（可不填）'), { target: { value: '110105194912310021' } });
    fireEvent.change(screen.getByLabelText('核查原因'), { target: { value: '房屋因暴雨受损' } });
    fireEvent.click(screen.getByRole('button', { name: '加入核查' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('idNumber');
    fireEvent.change(screen.getByLabelText('身份证号（可不填）'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '加入核查' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: '加入核查' })).toBeNull());
    expect(server.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { divisionCode: '500118104201', name: '孙桂兰', idNumber: '110105194912310021', reason: '房屋因暴雨受损' },
      { divisionCode: '500118104201', name: '孙桂兰', reason: '房屋因暴雨受损' },
    ]);
  });

  it('opens the identification form from an item: the person as 户主, the reason\'s cause, and the draft linked to the item', async () => {
    const applicant = ITEMS[0]!;
    const server = open('/villages/500118104201/verification', {
      'GET /api/forms/identify': () => ({ id: 'identify', title: identification.title, version: 1, definition: identification, campaigns: [CAMPAIGN] }),
      'GET /api/verification-items/v-app': () => applicant,
      'POST /api/verification-items/v-app/link': (body) => ({ ...applicant, submissionId: (body as { submissionId: string }).submissionId, revision: 2 }),
    });
    const card = (await screen.findByText('陈淑芬')).closest('li')!;
    fireEvent.click(within(card).getByRole('link', { name: `打开${identification.title}` }));
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/fill\//));
    const draftId = window.location.pathname.slice('/fill/'.length);
    const draft = (await getDraft(draftId))!;
    expect(draft.householdId).toBeNull();
    // The application's main risk for the single choice; the first field offering a cause takes it.
    expect(draft.data).toMatchObject({ divisionCode: '500118104201', cause: '因意外事故', members: [{ A1: '陈淑芬', A5: '户主' }] });
    expect(draft.data.risks).toBeUndefined();
    expect(server.calls.find((c) => c.url.pathname === '/api/verification-items/v-app/link')!.body).toEqual({ submissionId: draftId });
  });
});
