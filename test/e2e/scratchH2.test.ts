import { writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { householdsOf, logInOverApi } from './api';
import { logIn } from './harness';
import { setUpServerAndBrowser } from './setUpServerAndBrowser';

const env = setUpServerAndBrowser();
describe('explore', () => {
  it('explores', async () => {
    const api = await logInOverApi(env.server, 'gaotan');
    const village = await householdsOf(api, '500118104201');
    writeFileSync('/tmp/h2/village.json', JSON.stringify(village.map((h) => [h.headName, h.kind, (h.members as unknown[]).length]), null, 0));
    const ordinary = village.find((h) => h.kind === '一般农户' || h.kind === '脱贫户')!;
    const officer = await (await env.phone()).newPage();
    await logIn(officer, 'gaotan');
    await officer.goto(`/start/monitoring-object?division=500118104201&household=${ordinary.id}`);
    await officer.getByRole('heading', { name: '选择填报活动' }).waitFor();
    await officer.getByRole('button', { name: /^2023年度/ }).click();
    await officer.waitForURL(/\/fill\//);
    await officer.locator('[data-pointer="/A27"]').waitFor();
    await officer.waitForTimeout(1000);
    writeFileSync('/tmp/h2/form2.html', await officer.content());
    await officer.getByRole('button', { name: '正式提交' }).click();
    await officer.waitForTimeout(1500);
    writeFileSync('/tmp/h2/summary2.txt', await officer.locator('.error-summary').innerText().catch(() => 'none'));
  }, 240_000);
});
