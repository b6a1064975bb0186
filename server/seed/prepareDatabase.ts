// Everything a start does before serving: migrations, the initial administrator, newly shipped
// forms and campaigns, and on a brand-new database (unless DEMO=0) the demo township.
import type { Deps } from '../deps';
import { ensureAdmin } from './ensureAdmin';
import { loadPublishedForms } from './loadPublishedForms';
import { seedDemo } from './seedDemo';

export interface PrepareOptions {
  formsDir: string;
  adminPassword?: string;
  demo: boolean;
  /** The demo accounts' password (random and printed when unset). */
  demoPassword?: string;
}

export async function prepareDatabase(deps: Deps, options: PrepareOptions): Promise<void> {
  await deps.store.migrate();
  const fresh = (await deps.store.listUsers()).length === 0;
  await ensureAdmin(deps, options.adminPassword);
  const loaded = await loadPublishedForms(deps, options.formsDir);
  if (loaded.forms.length) deps.log.info(`已发布表单：${loaded.forms.join('、')}`);
  if (loaded.campaigns.length) deps.log.info(`已加载活动：${loaded.campaigns.join('、')}`);
  if (fresh && options.demo) await seedDemo(deps, options.demoPassword);
}
