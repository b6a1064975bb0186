// The fixtures of the Store contract. The contract is a reusable suite (rjsf's pattern: one
// suite, several configurations): everything a caller of server/store/Store.ts relies on, in one
// file per area (accountStoreContract.ts, submissionStoreContract.ts...), each exporting
// `xxxStoreContract(name, makeStore)`, which sqliteStore.test.ts and postgresStore.test.ts call with
// their own way of making a store. Each test gets a fresh, empty, migrated store (freshStoreEach),
// so tests never depend on one another's data. Here: the test data and the writes several areas
// share; what one area alone uses stays in its file.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import type { FormDefinition } from '@engine';
import type { CampaignFields, SubmissionEvent, SubmissionRecord } from '../../server/store/records';
import { StoreConflict, type HouseholdInput, type NewUser, type Publication, type Store } from '../../server/store/Store';

export interface StoreUnderTest {
  store: Store;
  /** Closes the store and removes what it wrote (file, schema). */
  cleanup(): Promise<void>;
}

export const T0 = '2021-11-20T09:00:00.000Z';
/** An ISO time `minutes` after T0. */
export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export async function conflict(promise: Promise<unknown>): Promise<StoreConflict['kind']> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof StoreConflict) return e.kind;
    throw e;
  }
  throw new Error('expected a StoreConflict, but the call succeeded');
}

export function newUser(username: string, overrides: Partial<NewUser> = {}): NewUser {
  return {
    id: randomUUID(), username, displayName: `用户${username}`, role: 'officer', scope: ['500118104201'],
    passwordHash: 'scrypt$hash', createdAt: T0, ...overrides,
  };
}

export function campaign(id: string, overrides: Partial<CampaignFields> = {}): CampaignFields {
  return {
    id, title: `${id} 活动`, year: 2021, description: '说明', parameters: { incomeLine: 6000, months: ['2021-01'] },
    forms: ['form-a'], status: 'open', divisions: ['500118'], createdAt: T0, formVersions: {}, unconfirmed: [], ...overrides,
  };
}

/** A publication of form-a at `minutes` after T0. */
export function publication(definition: FormDefinition, minutes: number, overrides: Partial<Publication> = {}): Publication {
  return { formId: 'form-a', definition, by: 'admin', at: at(minutes), changes: [], ...overrides };
}

/** A definition whose key order is not alphabetical: the order of properties is the order of fields. */
export function definition(title: string, extra: Record<string, unknown> = {}): FormDefinition {
  return {
    id: 'form-a', title,
    schema: { type: 'object', properties: { zeta: { type: 'string', title: 'Z 最后一项' }, alpha: { type: 'number', title: 'A' }, mid: { type: 'boolean' } } },
    ...extra,
  } as FormDefinition;
}

export function household(headIdNumber: string, overrides: Partial<HouseholdInput> = {}): HouseholdInput {
  return {
    divisionCode: '500118104201', headName: `户主${headIdNumber.slice(-4)}`, headIdNumber,
    members: [
      { name: '户主', idNumber: headIdNumber, relation: '户主', gender: '男', disabled: false },
      { name: '配偶', idNumber: `${headIdNumber}P`, relation: '配偶', extra: { note: '务工', months: [1, 2] } },
    ],
    ...overrides,
  };
}

export function submission(overrides: Partial<SubmissionRecord> = {}): SubmissionRecord {
  return {
    id: randomUUID(), formId: 'form-a', formVersion: 1, campaignId: 'c-2021', householdId: null, divisionCode: '500118104201',
    headName: '张德明', headIdNumber: '500118196503120011', status: 'draft', reviewLevel: 0,
    data: { zeta: 'z', alpha: 1, members: [{ name: '张德明', idNumber: '500118196503120011' }], nested: { b: 2, a: 1 } },
    errors: [{ path: '/A28', field: 'A28', code: 'required', message: 'A28 工资性收入（元）为必填项', severity: 'error' }],
    warnings: [], prefill: null, requestHash: 'hash-1', revision: 1, returnComment: null, explanations: {}, fieldNotes: [], createdBy: 'u-officer', updatedBy: 'u-officer',
    createdAt: T0, updatedAt: T0, submittedAt: null, approvedAt: null, ...overrides,
  };
}

export function event(record: SubmissionRecord, overrides: Partial<Omit<SubmissionEvent, 'id'>> = {}): Omit<SubmissionEvent, 'id'> {
  return {
    submissionId: record.id, at: record.updatedAt, userId: record.updatedBy, username: 'cunyuan', action: 'create',
    status: record.status, level: null, comment: null, changes: [{ field: '/zeta', to: 'z' }], ...overrides,
  };
}

/** A fresh store before each test of the describe block that calls this, cleaned up after it; `use` is handed each one. */
export function freshStoreEach(makeStore: () => Promise<StoreUnderTest>, use: (store: Store) => void): void {
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const made = await makeStore();
    cleanup = made.cleanup;
    use(made.store);
  });
  afterEach(async () => {
    await cleanup?.();
  });
}

/**
 * The writes several areas share, on the store of the test running (`current`, as freshStoreEach
 * hands a new one to each test): `upsert` answers the households' ids, as written; `create` writes a
 * submission with the event its status implies (submit or create).
 */
export function storeWrites(current: () => Store) {
  return {
    upsert: async (households: HouseholdInput[], time: string) => (await current().upsertHouseholds(households, time)).map((w) => w.id),
    create: (record: SubmissionRecord, onePerHousehold = false) =>
      current().createSubmission({ record, event: event(record, { action: record.status === 'submitted' ? 'submit' : 'create' }), onePerHousehold }),
  };
}
