// The app in Chinese and English (issue 18): every shared string has its English; the device's
// language picks the app's words (Chinese by default); on the fill page the officer picks the
// form's language among those its definition has, the labels, options and buttons change, and the
// phone remembers the choice.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '@engine';
import { SessionProvider } from '../../client/app/SessionContext';
import { LanguageRoot } from '../../client/components/LanguagePicker';
import { Layout } from '../../client/components/Layout';
import { en } from '../../client/i18n/en';
import { enReviewer } from '../../client/i18n/en-reviewer';
import { deviceLanguage, setDeviceLanguage } from '../../client/i18n/language';
import { t } from '../../client/i18n/t';
import { t as tAdmin } from '../../client/i18n/tAdmin';
import { zh } from '../../client/i18n/zh';
import { zhReviewer } from '../../client/i18n/zh-reviewer';
import { t as tReviewer } from '../../client/i18n/tReviewer';
import { db } from '../../client/offline/db';
import { putDraft } from '../../client/offline/drafts';
import type { LocalDraft } from '../../client/offline/LocalDraft';
import { FillPage } from '../../client/pages/officer/FillPage';
import { defineForm, text } from '../helpers/defineForm';
import { mockServer, type MockServer } from './admin/mockServer';

vi.mock('../../client/form/loadValidators', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/form/loadValidators')>()),
  loadVersionForm: async (_id: string, _version: number, definition: FormDefinition, language?: string) =>
    (await import('../helpers/preparedForm')).preparedForm(definition, language),
}));

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the English tables of the app’s words', () => {
  it.each([
    ['zh.ts', zh, en],
    ['zh-reviewer.ts', zhReviewer, enReviewer],
  ] as [string, Record<string, string>, Record<string, string>][])('has an English entry for every key of %s, with the same placeholders, and nothing else', (_name, chinese, english) => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(chinese).sort());
    for (const [key, text] of Object.entries(chinese)) {
      const translated = english[key]!;
      expect(translated.trim(), key).not.toBe('');
      expect(translated, key).not.toMatch(/[\u4e00-\u9fff]/);
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});

describe('the device’s language', () => {
  afterEach(() => setDeviceLanguage('zh'));

  it('is Chinese by default, and English once chosen, remembered on the device', () => {
    expect(deviceLanguage()).toBe('zh');
    expect(t('submit')).toBe('正式提交');
    setDeviceLanguage('en');
    expect(t('submit')).toBe('Submit');
    expect(t('savedLocally', { time: '10:02' })).toBe('Saved on this phone 10:02');
    expect(localStorage.getItem('wnbd.language')).toBe('en');
  });

  it('keeps Chinese for the words a table has no English for (the administrator’s own)', () => {
    setDeviceLanguage('en');
    expect(tAdmin('save')).toBe('Save');
    expect(tAdmin('ad_campaigns')).toBe('活动');
    expect(tReviewer('rv_approve')).toBe('Approve');
  });
});

/** A page as the app's are: a component, so its words are read again when rendered again. */
function Page() {
  return <Layout title={t('myVillages')}><button type="button">{t('save')}</button></Layout>;
}

describe('the header’s switch', () => {
  afterEach(() => setDeviceLanguage('zh'));

  it('turns the app’s words to English and back', async () => {
    render(<SessionProvider><LanguageRoot><Page /></LanguageRoot></SessionProvider>);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('我的村');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('My villages');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('button', { name: '保存' })).toBeInTheDocument();
    expect(deviceLanguage()).toBe('zh');
  });
});

const sheet: FormDefinition = {
  ...defineForm(
    { headName: text('户主姓名'), A2: text('A2 性别', { enum: ['男', '女'] }), D7: text('D7 家庭困难现状描述') },
    {},
    { required: ['headName'] },
  ),
  id: 'short-sheet',
  title: '家庭情况简表',
  translations: {
    en: { title: 'Household summary', 'field:headName.title': 'Head of household', 'field:A2.title': 'A2 Gender', 'field:A2.option:男': 'Male', 'field:A2.option:女': 'Female' },
  },
};
const ID = '2a7c6f3e-8b1d-4e5a-9c2f-1d3e5b7a9c0e';
const draft: LocalDraft = {
  id: ID, formId: 'short-sheet', formVersion: 1, formTitle: sheet.title, campaignId: '2021', householdId: 'h-1', householdKey: 'h-1', headName: '张德明',
  divisionCode: '500118104201', data: { headName: '张德明' }, prefill: {}, confirmed: [], serverRevision: null, serverStatus: null, returnComment: null,
  pending: null, problem: null, serverIssues: [], duplicateOf: null, updatedAt: '2021-11-20T01:00:00.000Z', syncedAt: null,
};

let server: MockServer;

describe('the fill page’s language picker', () => {
  beforeEach(async () => {
    await (await db()).clear('drafts');
    server = mockServer();
    server.on('GET', '/api/forms/short-sheet/versions/1', () => ({ id: 'short-sheet', title: sheet.title, version: 1, definition: sheet }));
    server.on('GET', '/api/campaigns', () => ({ items: [{ id: '2021', title: '2021年度', year: 2021, parameters: {}, forms: ['short-sheet'] }] }));
    server.on('GET', '/api/households/h-1', () => ({ id: 'h-1', divisionCode: '500118104201', headName: '张德明', headIdNumber: '500118196503120011', members: [], memberCount: 0, submissions: [], history: [] }));
    await putDraft(draft);
  });
  afterEach(() => {
    server.restore();
    setDeviceLanguage('zh');
  });

  const page = () => render(<SessionProvider><LanguageRoot><FillPage id={ID} /></LanguageRoot></SessionProvider>);

  it('offers the languages the form has and switches its labels, options and the app’s buttons to English', async () => {
    page();
    const picker = await screen.findByRole('combobox', { name: '语言' }, { timeout: 15000 });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['中文', 'English']);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('家庭情况简表');
    expect(screen.getByText('户主姓名')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '女' })).toBeInTheDocument();

    fireEvent.change(picker, { target: { value: 'en' } });
    expect(await screen.findByText('Head of household', {}, { timeout: 15000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Household summary');
    expect(screen.getByRole('radio', { name: 'Female' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeInTheDocument();
    // a field without a translation stays Chinese
    expect(screen.getByText('D7 家庭困难现状描述')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  });

  it('opens the form in the language the phone remembers', async () => {
    setDeviceLanguage('en');
    page();
    expect(await screen.findByText('Head of household', {}, { timeout: 15000 })).toBeInTheDocument();
  });

  it('shows no picker for a form in Chinese only', async () => {
    const chineseOnly = { ...sheet, translations: undefined };
    server.on('GET', '/api/forms/short-sheet/versions/1', () => ({ id: 'short-sheet', title: sheet.title, version: 1, definition: chineseOnly }));
    page();
    expect(await screen.findByText('户主姓名', {}, { timeout: 15000 })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '语言' })).toBeNull();
  });
});
