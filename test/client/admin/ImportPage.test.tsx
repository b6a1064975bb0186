// The household import page with a stand-in XMLHttpRequest: the server's NDJSON progress lines
// arrive one by one and the page shows each stage with its counts; a check that finds problems
// lists them by sheet row and column and keeps the import button off; a clean check enables it;
// the import reports what was written; a refused file shows the server's Chinese message.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { ImportPage } from '../../../client/pages/admin/households/ImportPage';
import { mockServer, type MockServer } from './mockServer';

/** One scripted answer: the lines the server streams (or an error status and body). */
type Script = { lines: object[] } | { status: number; body: object };

class FakeXhr {
  static scripts: Script[] = [];
  static sent: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  static pending: FakeXhr[] = [];
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onprogress: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private url = '';
  private headers: Record<string, string> = {};
  open(_method: string, url: string) { this.url = url; }
  setRequestHeader(name: string, value: string) { this.headers[name] = value; }
  send(body: unknown) {
    FakeXhr.sent.push({ url: this.url, headers: this.headers, body });
    FakeXhr.pending.push(this);
  }
  /** Plays the next script up to `step` lines (all when omitted), then finishes. */
  play(step?: number) {
    const script = FakeXhr.scripts[0]!;
    this.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true });
    if ('status' in script) {
      this.status = script.status;
      this.responseText = JSON.stringify(script.body);
      FakeXhr.scripts.shift();
      this.onload?.();
      return;
    }
    this.status = 200;
    const lines = step === undefined ? script.lines : script.lines.slice(0, step);
    this.responseText = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
    this.onprogress?.();
    if (step === undefined || step >= script.lines.length) {
      FakeXhr.scripts.shift();
      this.onload?.();
    }
  }
}

let server: MockServer;

beforeEach(() => {
  server = mockServer();
  FakeXhr.scripts = [];
  FakeXhr.sent = [];
  FakeXhr.pending = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  server.restore();
  vi.unstubAllGlobals();
});

const file = new File(['行政区划代码,户主姓名,户主证件号码\n'], '农户.csv', { type: 'text/csv' });
const progress = (stage: string, done: number, total: number) => ({ type: 'progress', stage, done, total });
const result = (over: object) => ({ type: 'result', ok: true, dryRun: true, rows: 3, households: 2, members: 3, created: 1, updated: 1, problems: [], ...over });

async function choose() {
  render(<SessionProvider><ImportPage /></SessionProvider>);
  fireEvent.change(await screen.findByLabelText('农户文件（XLSX、ODS、XLS 或 CSV）'), { target: { files: [file] } });
}

async function next() {
  await vi.waitFor(() => expect(FakeXhr.pending.length).toBeGreaterThan(0));
  return FakeXhr.pending.shift()!;
}

describe('the household import page', () => {
  it('checks a file, shows each stage\'s progress, lists every problem by row and column, and keeps the import off', async () => {
    FakeXhr.scripts.push({
      lines: [
        progress('checking', 0, 3), progress('checking', 3, 3),
        result({ ok: false, problems: [
          { row: 1, column: '备注', message: '“备注”不是模板中的列，导入时忽略', severity: 'warning' },
          { row: 3, column: '户主证件号码', message: '户主证件号码校验位错误（第 18 位应为 9）', severity: 'error' },
        ] }),
      ],
    });
    await choose();
    expect(screen.getByRole('button', { name: '导入' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '检查（不写入）' }));
    const xhr = await next();
    expect(FakeXhr.sent[0]).toMatchObject({ url: '/api/household-import?dryRun=1', headers: { Accept: 'application/x-ndjson', 'X-CSRF-Token': 'csrf-1' }, body: file });
    act(() => xhr.play(1));
    expect(screen.getByRole('status')).toHaveTextContent('正在检查 0 / 3');
    act(() => xhr.play());
    expect(await screen.findByRole('alert')).toHaveTextContent('共 1 处错误，未导入任何数据');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['第 1 行备注提示：“备注”不是模板中的列，导入时忽略', '第 3 行户主证件号码户主证件号码校验位错误（第 18 位应为 9）']);
    expect(screen.getByRole('button', { name: '导入' })).toBeDisabled();
  });

  it('imports a file once it checked clean, with the writing stage shown', async () => {
    FakeXhr.scripts.push({ lines: [progress('checking', 3, 3), progress('matching', 2, 2), result({})] });
    FakeXhr.scripts.push({ lines: [progress('checking', 3, 3), progress('matching', 2, 2), progress('writing', 0, 2), progress('writing', 2, 2), result({ dryRun: false })] });
    await choose();
    fireEvent.click(screen.getByRole('button', { name: '检查（不写入）' }));
    const check = await next();
    act(() => check.play());
    expect(await screen.findByText('检查通过：3 行，2 户 3 人（新增 1 户，更新 1 户）。可以导入。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    const xhr = await next();
    expect(FakeXhr.sent[1]!.url).toBe('/api/household-import');
    act(() => xhr.play(3));
    expect(screen.getByRole('status')).toHaveTextContent('正在写入 0 / 2');
    act(() => xhr.play());
    expect(await screen.findByText('已导入 2 户 3 人（新增 1 户，更新 1 户）。')).toBeInTheDocument();
  });

  it('shows the server\'s message for a file it refuses', async () => {
    FakeXhr.scripts.push({ status: 400, body: { error: { code: 'bad_request', message: '无法读取 XLSX 表格文件：文件已损坏，或不是表格文件' } } });
    await choose();
    fireEvent.click(screen.getByRole('button', { name: '检查（不写入）' }));
    const xhr = await next();
    act(() => xhr.play());
    expect(await screen.findByRole('alert')).toHaveTextContent('无法读取 XLSX 表格文件：文件已损坏，或不是表格文件');
  });
});
