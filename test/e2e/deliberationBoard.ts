// The village's steps on the 评议公示 board in Chromium, shared by the deliberation flows: the
// meeting's record filled as 高滩村 held it, and a 7-day notice from 2021-11-21 posted.
import type { Locator, Page } from 'playwright-core';

/** Fills 记录民主评议 for the households checked; answers the panel, to check or save. */
export async function fillMeeting(page: Page): Promise<Locator> {
  const meeting = page.getByRole('region', { name: '记录民主评议：民主评议' });
  await meeting.getByLabel('会议日期').fill('2021-11-20');
  await meeting.getByLabel('会议地点').fill('高滩村村委会会议室');
  await meeting.getByLabel('主持人').fill('村党支部书记 陈明');
  await meeting.getByLabel('参会人数').fill('28');
  await meeting.getByLabel('参会人员（姓名、身份）').fill('村两委成员 5 人、驻村工作队 2 人、村民代表 21 人');
  return meeting;
}

/** Posts the notice for the household of `row`, 7 days from 2021-11-21 to 2021-11-27, and waits for the row to say so. */
export async function postNotice(page: Page, row: Locator): Promise<void> {
  await row.getByRole('checkbox').check();
  const notice = page.getByRole('region', { name: '张贴公示：公示' });
  await notice.getByLabel('公示开始日期').fill('2021-11-21');
  await notice.getByText('公示 7 天，至 2021-11-27').waitFor();
  await notice.getByLabel('异议受理（单位、电话）').fill('高滩村村委会，临江镇人民政府 023-49000000');
  await notice.getByRole('button', { name: '张贴公示' }).click();
  await row.getByText('公示期至 2021-11-27 结束，期满后方可审核').waitFor();
}
