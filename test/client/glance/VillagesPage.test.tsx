import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { db } from '../../../client/offline/db';
import { putDraft } from '../../../client/offline/drafts';
import { VillagesPage } from '../../../client/pages/officer/VillagesPage';
import { fakeGlanceServer } from './fakeGlanceServer';
import { localDraft, SHIMIAO, SHUANGFENG } from './fixtures';

beforeEach(async () => {
  const database = await db();
  await database.clear('drafts');
  await database.clear('cache');
  vi.stubGlobal('fetch', fakeGlanceServer().fetch);
  window.history.replaceState(null, '', '/villages');
});
afterEach(() => vi.unstubAllGlobals());

describe('我的村', () => {
  it('counts each village\'s households per state, the phone\'s queue included', async () => {
    await putDraft(localDraft({ id: 'd-li', householdId: 'h-0002', householdKey: 'h-0002', pending: 'save' }));
    render(<SessionProvider><VillagesPage /></SessionProvider>);
    const shimiao = (await screen.findByText('石庙村')).closest('a')!;
    await waitFor(() => expect(shimiao).toHaveTextContent('被退回 1待上传 1草稿 1未填 4已提交待审核 1已通过 1'));
    expect(shimiao).toHaveAttribute('href', `/villages/${SHIMIAO}`);
    const shuangfeng = screen.getByText('双凤村').closest('a')!;
    expect(shuangfeng).toHaveTextContent('被退回 1');
    expect(shuangfeng).not.toHaveTextContent('未填');
    expect(shuangfeng).toHaveAttribute('href', `/villages/${SHUANGFENG}`);
  });
});
