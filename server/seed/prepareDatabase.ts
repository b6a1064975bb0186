// Everything a start does before serving: migrations, what uploads cut short by a crash left
// (older than ABANDONED_UPLOAD_MS), the initial administrator, newly shipped forms and campaigns,
// and on a brand-new database (unless DEMO=0) the demo township. Servers
// starting together on one database prepare it one at a time (Store.exclusively), and whether
// the demo is seeded is decided once, on the brand-new database, and kept (meta 'demo'): so
// several servers leave the database exactly as one would, and a start after a seed that was
// cut short finishes it.
import type { Deps } from '../deps';
import { ABANDONED_UPLOAD_MS } from '../store/attachmentRecord';
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

/** meta 'demo': 'pending' (to seed, or cut short), 'done', or 'skipped' (DEMO=0 or a database already in use). */
export const DEMO_META = 'demo';

/** Decided before the administrator is made, while "brand-new" can still be told: no user at all. */
async function demoDecision({ store }: Deps, demo: boolean): Promise<string> {
  const recorded = await store.getMeta(DEMO_META);
  if (recorded !== null) return recorded;
  const decided = demo && (await store.listUsers()).length === 0 ? 'pending' : 'skipped';
  await store.putMeta(DEMO_META, decided);
  return decided;
}

export async function prepareDatabase(deps: Deps, options: PrepareOptions): Promise<void> {
  await deps.store.migrate();
  const abandoned = await deps.store.removeAbandonedUploads(ABANDONED_UPLOAD_MS);
  if (abandoned > 0) deps.log.info(`已清理 ${abandoned} 个中断上传留下的文件片段`);
  await deps.store.exclusively('prepare', async () => {
    const demo = await demoDecision(deps, options.demo);
    await ensureAdmin(deps, options.adminPassword);
    const loaded = await loadPublishedForms(deps, options.formsDir);
    if (loaded.forms.length) deps.log.info(`已发布表单：${loaded.forms.join('、')}`);
    if (loaded.campaigns.length) deps.log.info(`已加载活动：${loaded.campaigns.join('、')}`);
    if (demo === 'pending' && options.demo) {
      await seedDemo(deps, options.demoPassword);
      await deps.store.putMeta(DEMO_META, 'done');
    }
  });
}
