// The Store contract for forms, run against SQLite and PostgreSQL alike (sqliteStore.test.ts,
// postgresStore.test.ts): drafts saved and published as a compare-and-set, versions numbered once
// and never changed, and the cases (form cases) kept with the draft and with each version.
import { describe, expect, it } from 'vitest';
import type { FormCase } from '@engine';
import type { StoreConflict, Store } from '../../server/store/Store';
import { T0, at, conflict, definition, freshStoreEach, publication, type StoreUnderTest } from './storeFixtures';

export function formStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract, forms: ${name}`, () => {
    let store: Store;
    freshStoreEach(makeStore, (made) => {
      store = made;
    });

    describe('forms and versions', () => {
      it('creates a form with no version and no draft, and refuses a taken id (exists)', async () => {
        await store.createForm({ id: 'form-b', title: '表B', createdAt: T0 });
        await store.createForm({ id: 'form-a', title: '表A', createdAt: at(1) });
        expect(await store.getForm('form-a')).toEqual({ id: 'form-a', title: '表A', latestVersion: null, draft: null, draftUpdatedAt: null, draftRevision: 0, createdAt: at(1) });
        expect(await conflict(store.createForm({ id: 'form-a', title: '另一个', createdAt: T0 }))).toBe('exists');
        expect((await store.listForms()).map((f) => [f.id, f.title])).toEqual([['form-a', '表A'], ['form-b', '表B']]);
        expect(await store.getForm('form-z')).toBeNull();
      });

      it('saves a draft as written, key order included, taking its title, as the next draft revision', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        const draft = definition('表A（草稿）');
        expect(await store.saveDraft('form-a', draft, at(2), 0)).toBe(1);
        const form = (await store.getForm('form-a'))!;
        expect(form).toMatchObject({ title: '表A（草稿）', draftUpdatedAt: at(2), latestVersion: null, draftRevision: 1 });
        expect(JSON.stringify(form.draft)).toBe(JSON.stringify(draft));
        expect(await store.saveDraft('form-a', definition('表A（再改）'), at(3), 1)).toBe(2);
        expect(await store.saveDraft('form-z', draft, at(2), 0)).toBeNull();
      });

      it('saves a draft only from its stored revision (compare-and-set): a stale one is a revision conflict, nothing written', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('第一次'), at(1), 0);
        expect(await conflict(store.saveDraft('form-a', definition('基于旧版本'), at(2), 0))).toBe('revision');
        expect(await conflict(store.saveDraft('form-a', definition('来自未来'), at(2), 5))).toBe('revision');
        expect(await store.getForm('form-a')).toMatchObject({ title: '第一次', draftRevision: 1, draftUpdatedAt: at(1) });
      });

      it('publishes versions 1, 2... clearing the draft it was given the revision of; published versions never change', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        const first = definition('表A 第一版');
        await store.saveDraft('form-a', first, at(1), 0);
        expect(await store.publishVersion(publication(first, 2, { changes: ['初始版本'], draftRevision: 1 }))).toBe(1);
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: 1, title: '表A 第一版', draft: null, draftUpdatedAt: null, draftRevision: 2 });

        await store.saveDraft('form-a', definition('表A 第二版草稿'), at(3), 2);
        const second = definition('表A 第二版', { description: '加了说明' });
        expect(await store.publishVersion(publication(second, 4, { by: 'admin2', changes: ['修改标题', '增加说明'], draftRevision: 3 }))).toBe(2);
        await store.saveDraft('form-a', definition('表A 第三版草稿'), at(5), 4);

        const v1 = (await store.getFormVersion('form-a', 1))!;
        expect(v1).toEqual({ formId: 'form-a', version: 1, definition: first, publishedAt: at(2), publishedBy: 'admin', changes: ['初始版本'] });
        expect(JSON.stringify(v1.definition)).toBe(JSON.stringify(first));
        expect((await store.getFormVersion('form-a', 2))?.definition).toEqual(second);
        expect(await store.getFormVersion('form-a', 3)).toBeNull();
        expect(await store.getFormVersion('form-a', 1e10)).toBeNull();
        expect(await store.listFormVersions('form-a')).toEqual([
          { formId: 'form-a', version: 1, publishedAt: at(2), publishedBy: 'admin', changes: ['初始版本'] },
          { formId: 'form-a', version: 2, publishedAt: at(4), publishedBy: 'admin2', changes: ['修改标题', '增加说明'] },
        ]);
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: 2, title: '表A 第三版草稿', draftUpdatedAt: at(5), draftRevision: 5 });
        expect(await store.listFormVersions('form-z')).toEqual([]);
      });

      it('publishes from a draft only at the revision given (compare-and-clear): a draft saved since is kept, nothing published', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('看过的草稿'), at(1), 0);
        await store.saveDraft('form-a', definition('之后保存的草稿'), at(2), 1);
        expect(await conflict(store.publishVersion(publication(definition('看过的草稿'), 3, { draftRevision: 1 })))).toBe('revision');
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: null, title: '之后保存的草稿', draftRevision: 2 });
        expect((await store.getForm('form-a'))!.draft?.title).toBe('之后保存的草稿');
        expect(await store.listFormVersions('form-a')).toEqual([]);
      });

      it('makes one version of one draft published twice at once; the other is a revision conflict', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('草稿'), at(1), 0);
        const outcomes = await Promise.allSettled([1, 2].map((i) => store.publishVersion(publication(definition('草稿'), i + 1, { draftRevision: 1 }))));
        expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<number>).value)).toEqual([1]);
        expect(outcomes.filter((o) => o.status === 'rejected').map((o) => ((o as PromiseRejectedResult).reason as StoreConflict).kind)).toEqual(['revision']);
        expect((await store.listFormVersions('form-a')).map((v) => v.version)).toEqual([1]);
      });

      it('leaves one of a draft saved and published at once from the same revision; the other is a revision conflict', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('草稿'), at(1), 0);
        const [published, saved] = await Promise.allSettled([
          store.publishVersion(publication(definition('草稿'), 2, { draftRevision: 1 })),
          store.saveDraft('form-a', definition('新的草稿'), at(2), 1),
        ]);
        expect([published.status, saved.status].sort()).toEqual(['fulfilled', 'rejected']);
        const form = (await store.getForm('form-a'))!;
        if (published.status === 'fulfilled') {
          expect(form).toMatchObject({ latestVersion: 1, draft: null, draftRevision: 2 });
        } else {
          expect(form).toMatchObject({ latestVersion: null, draftRevision: 2 });
          expect(form.draft?.title).toBe('新的草稿');
        }
      });

      it('publishes a shipped form directly (no draft revision), leaving the draft as it is', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.saveDraft('form-a', definition('草稿'), at(1), 0);
        expect(await store.publishVersion(publication(definition('随服务器发布'), 2))).toBe(1);
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: 1, draftRevision: 1 });
        expect((await store.getForm('form-a'))!.draft?.title).toBe('草稿');
      });

      it('gives two publishers at once two different numbers', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        const versions = await Promise.all([1, 2, 3].map((i) => store.publishVersion(publication(definition(`第${i}次`), i))));
        expect([...versions].sort()).toEqual([1, 2, 3]);
      });

      it('refuses to publish a form that does not exist (exists)', async () => {
        expect(await conflict(store.publishVersion(publication(definition('无'), 0, { formId: 'form-z' })))).toBe('exists');
      });
    });

    describe('form cases', () => {
      const cases: FormCase[] = [
        { name: '收入低于收入线', params: { incomeLine: 6500 }, data: { zeta: 'z', alpha: 1 }, expect: { valid: true, values: { '/alpha': 1 } } },
        { name: '空表', household: null, data: {}, expect: { valid: false, errors: [{ path: '/zeta', messageIncludes: '必填' }] } },
      ];

      it('keeps a form\'s cases as written, across publications, apart from the draft', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        expect(await store.getFormCases('form-a')).toBeNull();
        await store.saveFormCases('form-a', cases);
        expect(JSON.stringify(await store.getFormCases('form-a'))).toBe(JSON.stringify(cases));
        await store.saveDraft('form-a', definition('表A'), at(1), 0);
        await store.publishVersion(publication(definition('表A'), 2, { changes: ['首个版本'], cases, draftRevision: 1 }));
        expect(await store.getFormCases('form-a')).toEqual(cases);
        await store.saveFormCases('form-a', []);
        expect(await store.getFormCases('form-a')).toEqual([]);
        expect(await store.getForm('form-a')).toMatchObject({ latestVersion: 1, draft: null });
        expect(await store.getFormCases('form-z')).toBeNull();
      });

      it('keeps the cases each version was published with; a version published without cases has none', async () => {
        await store.createForm({ id: 'form-a', title: '表A', createdAt: T0 });
        await store.publishVersion(publication(definition('第一版'), 1));
        await store.publishVersion(publication(definition('第二版'), 2, { cases }));
        await store.publishVersion(publication(definition('第三版'), 3, { cases: [cases[1]!] }));
        expect(await store.getVersionCases('form-a', 1)).toBeNull();
        expect(await store.getVersionCases('form-a', 2)).toEqual(cases);
        expect(await store.getVersionCases('form-a', 3)).toEqual([cases[1]]);
        expect(await store.getVersionCases('form-a', 4)).toBeNull();
        expect(await store.getVersionCases('form-a', 1e10)).toBeNull();
        expect((await store.getFormVersion('form-a', 2))?.definition.title).toBe('第二版');
      });
    });
  });
}
