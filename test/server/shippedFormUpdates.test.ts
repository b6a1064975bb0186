// A database made by an earlier release meets a changed definition in form-definitions/ (the
// monitoring-object form gaining 签字确认): the start publishes it as the next version, which the
// open campaign with no submission adopts and the one already collecting keeps out of until an
// administrator adopts it; nothing is published twice, an older release's definition never comes
// back, and an administrator's own version is never overwritten. Runs on SQLite, or on PostgreSQL
// with WNBD_TEST_STORE=postgres.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@engine';
import { defaultServerConfig, type Deps } from '../../server/deps';
import { FormVersions } from '../../server/forms/FormVersions';
import { loadPublishedForms } from '../../server/seed/loadPublishedForms';
import type { Store } from '../../server/store/Store';
import { FORMS_DIR, loadCases, loadForm } from '../helpers/forms';
import { TestClock } from '../helpers/testServer';
import { namedStores } from '../helpers/namedStores';

const FORM = 'monitoring-object';
const stores = namedStores('shipped');
const openStore = (name: string) => stores.openMigrated(name);

const logged: string[] = [];
const depsOf = (store: Store): Deps => ({
  store, forms: new FormVersions(store), clock: new TestClock(), config: defaultServerConfig,
  log: { info: (m) => void logged.push(m), error: (m) => void logged.push(m) },
});

/** The monitoring-object form as the release before 签字确认 shipped it. */
function beforeSignatures(): FormDefinition {
  const d = structuredClone(loadForm(FORM)) as FormDefinition & { sections: { id: string }[] };
  const fields = ['phoneInterview', 'location', 'headSignature', 'officerSignature'];
  const properties = d.schema.properties as Record<string, unknown>;
  for (const f of fields) {
    delete properties[f];
    delete (d.uiSchema as Record<string, unknown>)[f];
  }
  d.sections = d.sections.filter((s) => s.id !== 'signatures');
  d.rules!.visibility = d.rules!.visibility!.filter((r) => !('field' in r) || r.field !== 'location');
  d.rules!.validations = d.rules!.validations!.filter((r) => !['head-signs', 'officer-signs'].includes(r.id ?? ''));
  return d;
}

/** A form-definitions directory with only the monitoring-object form (and the 2021 and 2023 campaigns, with that form alone). */
function formsDir(name: string, definition: FormDefinition, cases: unknown[]): string {
  const root = join(stores.dir, name);
  mkdirSync(join(root, FORM), { recursive: true });
  writeFileSync(join(root, FORM, 'definition.json'), JSON.stringify(definition));
  writeFileSync(join(root, FORM, 'cases.json'), JSON.stringify(cases));
  mkdirSync(join(root, 'campaigns'), { recursive: true });
  for (const c of ['2021', '2023']) {
    const campaign = JSON.parse(readFileSync(join(FORMS_DIR, 'campaigns', `${c}.json`), 'utf8'));
    writeFileSync(join(root, 'campaigns', `${c}.json`), JSON.stringify({ ...campaign, forms: [FORM] }));
  }
  return root;
}

const NOW = '2021-11-12T02:00:00.000Z';

/** A 2021 submission of the form, as the release before wrote it. */
async function submitIn2021(store: Store): Promise<void> {
  const id = randomUUID();
  const record = {
    id, formId: FORM, formVersion: 1, campaignId: '2021', householdId: null, divisionCode: '500118104201', headName: '陈国富',
    headIdNumber: '500118196804120636', status: 'draft' as const, reviewLevel: 0, data: {}, errors: [], warnings: [], prefill: null, requestHash: 'h',
    revision: 1, returnComment: null, explanations: {}, fieldNotes: [], createdBy: 'u-officer', updatedBy: 'u-officer',
    createdAt: NOW, updatedAt: NOW, submittedAt: null, approvedAt: null,
  };
  await store.createSubmission({
    record, onePerHousehold: false,
    event: { submissionId: id, at: NOW, userId: 'u-officer', username: 'cunyuan', action: 'create', status: 'draft', level: null, comment: null, changes: [] },
  });
}

const served = async (store: Store) => Object.fromEntries((await store.listCampaigns()).map((c) => [c.id, c.formVersions[FORM]]));

describe('a changed shipped definition on a database made by an earlier release', { timeout: 60_000 }, () => {
  const older = () => formsDir('older', beforeSignatures(), []);

  it('becomes the next version, adopted by the campaign with no submission, with the shipped cases', async () => {
    const store = await openStore('update');
    await loadPublishedForms(depsOf(store), older());
    await submitIn2021(store);
    expect(await served(store)).toEqual({ 2021: 1, 2023: 1 });

    const loaded = await loadPublishedForms(depsOf(store), FORMS_DIR);
    expect(loaded.forms).toContain(FORM);
    const versions = await store.listFormVersions(FORM);
    expect(versions.map((v) => [v.version, v.publishedBy])).toEqual([[1, 'system'], [2, 'system']]);
    expect(versions[1]!.changes[0]).toBe('来自 form-definitions 的新版本');
    expect(versions[1]!.changes.join('；')).toContain('农户签字（户主签字）');
    const published = (await store.getFormVersion(FORM, 2))!.definition;
    expect((published.schema.properties as Record<string, { format?: string }>).headSignature?.format).toBe('signature');
    // 2023 had no submission: it adopts; 2021 is collecting with version 1 and keeps it.
    expect(await served(store)).toEqual({ 2021: 1, 2023: 2 });
    expect((await store.listAdoptions('2023')).at(-1)).toMatchObject({ username: 'system', moveOpen: false });
    expect(await store.getFormCases(FORM)).toHaveLength(loadCases(FORM).length);
    expect(logged.join('\n')).toContain('活动 2021 已有填报，仍用原版本');

    // The next start, and a server of the earlier release starting beside it, publish nothing.
    await loadPublishedForms(depsOf(store), FORMS_DIR);
    await loadPublishedForms(depsOf(store), older());
    expect((await store.listFormVersions(FORM)).map((v) => v.version)).toEqual([1, 2]);
    expect(await served(store)).toEqual({ 2021: 1, 2023: 2 });
  });

  it('never overwrites a version an administrator published', async () => {
    const store = await openStore('admin');
    await loadPublishedForms(depsOf(store), older());
    const own = { ...beforeSignatures(), description: '本县加了说明' };
    await store.publishVersion({ formId: FORM, definition: own, by: 'admin', at: NOW, changes: ['说明'] });
    await loadPublishedForms(depsOf(store), FORMS_DIR);
    expect((await store.listFormVersions(FORM)).map((v) => [v.version, v.publishedBy])).toEqual([[1, 'system'], [2, 'admin']]);
    expect(logged.join('\n')).toContain('管理员已发布第 2 版，未覆盖');
  });
});
