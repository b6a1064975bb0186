// The review dialog against a stand-in server: a comment required to return, the revision the
// reviewer saw sent with the decision, and a refusal shown in the server's words.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewDialog } from '../../../client/pages/reviewer/ReviewDialog';
import { fakeServer } from './fixtures';

afterEach(() => vi.unstubAllGlobals());

describe('ReviewDialog', () => {
  it('refuses to return without a comment, in Chinese, and sends nothing', async () => {
    const server = fakeServer({});
    vi.stubGlobal('fetch', server.fetch);
    render(<ReviewDialog submissionId="s-1" revision={3} onReload={vi.fn()} decision="return" onClose={vi.fn()} onDone={vi.fn()} />);
    expect(screen.getByRole('dialog', { name: '退回给信息员修改' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('退回原因（必填）'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('退回时须写明退回原因');
    expect(screen.getByLabelText('退回原因（必填）')).toHaveAttribute('aria-invalid', 'true');
    expect(server.calls).toEqual([]);
  });

  it('returns with the comment and hands back the returned submission', async () => {
    const server = fakeServer({ 'POST /api/submissions/s-1/review': () => ({ id: 's-1', status: 'returned', returnComment: 'A28 偏低' }) });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    render(<ReviewDialog submissionId="s-1" revision={3} onReload={vi.fn()} decision="return" onClose={vi.fn()} onDone={onDone} />);
    fireEvent.change(screen.getByLabelText('退回原因（必填）'), { target: { value: ' A28 偏低 ' } });
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'returned' })));
    expect(server.calls[0]).toMatchObject({ method: 'POST', body: { decision: 'return', comment: 'A28 偏低', revision: 3 } });
  });

  it('approves without a comment', async () => {
    const server = fakeServer({ 'POST /api/submissions/s-1/review': () => ({ id: 's-1', status: 'submitted', waitingOn: '县级确定' }) });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    render(<ReviewDialog submissionId="s-1" revision={3} onReload={vi.fn()} decision="approve" onClose={vi.fn()} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: '通过' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(server.calls[0]!.body).toEqual({ decision: 'approve', revision: 3 });
  });

  it('shows the server\'s refusal in its own words and stays open', async () => {
    const server = fakeServer({
      'POST /api/submissions/s-1/review': () => new Response(JSON.stringify({ error: { code: 'conflict', message: '此表已审核通过' } }), { status: 409 }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    render(<ReviewDialog submissionId="s-1" revision={3} onReload={vi.fn()} decision="approve" onClose={vi.fn()} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: '通过' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('此表已审核通过');
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('tells the reviewer who acted first, and shows the submission as it is now on request', async () => {
    const message = '此表已被 xiangzhen 审核通过（乡镇审核），现等待“县级确定”（当前版本 4，您看到的是版本 3），您的审核未记录，请刷新后再看';
    const server = fakeServer({
      'POST /api/submissions/s-1/review': () => new Response(JSON.stringify({ error: { code: 'stale_revision', message, details: { revision: 4 } } }), { status: 409 }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const onReload = vi.fn();
    render(<ReviewDialog submissionId="s-1" revision={3} decision="approve" onClose={vi.fn()} onDone={vi.fn()} onReload={onReload} />);
    fireEvent.click(screen.getByRole('button', { name: '通过' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    fireEvent.click(screen.getByRole('button', { name: '载入最新版本' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('closes on 取消 and on Escape', () => {
    const onClose = vi.fn();
    render(<ReviewDialog submissionId="s-1" revision={3} onReload={vi.fn()} decision="return" onClose={onClose} onDone={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
