// A signature drawn in Chromium the way an officer or a household head draws one: a stroke with
// the mouse on the field's pad, then 确认签字, waiting for the kept image. Shared by the flows that
// fill a form with 双签字确认.
import type { Page } from 'playwright-core';
import { field } from './lookbackSheet';

export async function sign(page: Page, pointer: string): Promise<void> {
  const pad = field(page, pointer).locator('canvas');
  const box = (await pad.boundingBox())!;
  // Each point placed on the pad where it stands now (hover waits until it is still), so a page
  // still scrolling (to the error summary, say) does not put the stroke beside it.
  const to = (x: number, y: number) => pad.hover({ position: { x: box.width * x, y: box.height * y } });
  await to(0.15, 0.6);
  await page.mouse.down();
  for (const [x, y] of [[0.3, 0.3], [0.45, 0.7], [0.6, 0.35], [0.8, 0.65]] as const) await to(x, y);
  await page.mouse.up();
  await field(page, pointer).getByRole('button', { name: '确认签字' }).click();
  await field(page, pointer).locator('img').waitFor();
}
