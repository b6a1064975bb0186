import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../client/api/http';
import { downloadFile, fileNameOf, type DownloadProgress } from '../../../client/pages/reviewer/downloadFile';
import { ExportButtons } from '../../../client/pages/reviewer/ExportButtons';

afterEach(() => vi.unstubAllGlobals());

const encoder = new TextEncoder();
const NAME = `attachment; filename="lookback-2021-11-20.csv"; filename*=UTF-8''${encodeURIComponent('监测对象“回头看”信息采集表-2021-11-20.csv')}`;

/** A streamed export whose chunks the test releases one at a time. */
function streamed(rows: number, type = 'text/csv; charset=utf-8') {
  let push!: (text: string | null) => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (text) => (text === null ? controller.close() : controller.enqueue(encoder.encode(text)));
    },
  });
  const response = new Response(body, { status: 200, headers: { 'Content-Type': type, 'Content-Disposition': NAME, 'X-Export-Rows': String(rows) } });
  return { response, push: (text: string | null) => push(text) };
}

describe('downloadFile', () => {
  it('reads the export as a stream, counting bytes and CSV rows against X-Export-Rows', async () => {
    const file = streamed(3);
    vi.stubGlobal('fetch', vi.fn(async () => file.response));
    const seen: DownloadProgress[] = [];
    const done = downloadFile('/api/forms/lookback/export?format=csv', (p) => seen.push(p));
    file.push('\uFEFF提交编号,状态\r\nid-1,已提交\r\n');
    file.push('id-2,已提交\r\nid-3,');
    file.push('已通过\r\n');
    file.push(null);
    const result = await done;
    expect(result.rows).toBe(3);
    expect(result.fileName).toBe('监测对象“回头看”信息采集表-2021-11-20.csv');
    // The BOM stays: Excel needs it to read the Chinese.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await result.blob.arrayBuffer())).toBe('\uFEFF提交编号,状态\r\nid-1,已提交\r\nid-2,已提交\r\nid-3,已通过\r\n');
    expect(seen[0]).toEqual({ rows: 3, rowsDone: 0, bytes: 0 });
    expect(seen.at(-1)).toEqual({ rows: 3, rowsDone: 3, bytes: result.blob.size });
  });

  it('turns the server\'s refusal into its Chinese message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'bad_request', message: '请求字段 format 不正确：应为 csv 或 xlsx' } }), { status: 400 })));
    await expect(downloadFile('/api/forms/x/export?format=pdf', () => {})).rejects.toEqual(new ApiError(400, 'bad_request', '请求字段 format 不正确：应为 csv 或 xlsx'));
  });

  it('takes the UTF-8 file name when given, the plain one otherwise', () => {
    expect(fileNameOf(NAME, 'x')).toBe('监测对象“回头看”信息采集表-2021-11-20.csv');
    expect(fileNameOf('attachment; filename="a.xlsx"', 'x')).toBe('a.xlsx');
    expect(fileNameOf(null, 'export.csv')).toBe('export.csv');
  });
});

describe('ExportButtons', () => {
  it('shows the download\'s progress while it runs, then saves the file under its name', async () => {
    const file = streamed(2);
    const fetch = vi.fn(async () => file.response);
    vi.stubGlobal('fetch', fetch);
    const created = vi.fn(() => 'blob:local/1');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<ExportButtons targets={[{ label: '导出 CSV', url: '/api/forms/lookback/export?format=csv&division=500118104201' }]} />);
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    expect(await screen.findByText('正在导出 2 行…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出 CSV' })).toBeDisabled();
    await act(async () => {
      file.push('\uFEFF提交编号\r\nid-1\r\nid-2\r\n');
      file.push(null);
    });
    expect(await screen.findByText(/已导出 2 行：监测对象“回头看”信息采集表-2021-11-20\.csv/)).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/forms/lookback/export?format=csv&division=500118104201', expect.objectContaining({ credentials: 'same-origin' }));
    expect(created).toHaveBeenCalledWith(expect.any(Blob));
    expect(clicked).toHaveBeenCalledTimes(1);
    clicked.mockRestore();
  });

  it('stops a long export when asked, saving nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      const file = streamed(100_000, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      init.signal?.addEventListener('abort', () => file.push(null));
      return new Promise<Response>((resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        setTimeout(() => resolve(file.response), 10_000);
      });
    }));
    render(<ExportButtons targets={[{ label: '导出 Excel', url: '/api/forms/lookback/export?format=xlsx' }]} />);
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    fireEvent.click(await screen.findByRole('button', { name: '停止导出' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('已停止导出');
    expect(screen.getByRole('button', { name: '导出 Excel' })).toBeEnabled();
  });
});
