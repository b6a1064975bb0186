// Who may act on a submission now: one rule (engine mayReview) for the server's review table and
// the client's buttons. The demo county's reviewers: 临江镇 (500118104, township) and 永川区
// (500118, county); an escalation (不纳入情形 with 确需纳入的理由) sends a township-only chain to
// the county.
import { describe, expect, it } from 'vitest';
import { mayReview, type FormDefinition } from '@engine';
import { defineForm, text } from '../helpers/defineForm';

const TOWNSHIP = { id: 'township', title: '乡镇审核', divisionDigits: 9 };
const COUNTY = { id: 'county', title: '县级确定', divisionDigits: 6 };
const form: FormDefinition = {
  ...defineForm({ exclusionReason: text('确需纳入的理由') }),
  review: {
    levels: [TOWNSHIP],
    escalations: [{ id: 'exclusion-exception', when: { '!': { missing: ['exclusionReason'] } }, level: COUNTY, reason: '不纳入情形须县级确定' }],
  },
} as FormDefinition;

const linjiang = { role: 'reviewer', scope: ['500118104'] };
const hegeng = { role: 'reviewer', scope: ['500118106'] };
const yongchuan = { role: 'reviewer', scope: ['500118'] };
const officer = { role: 'officer', scope: ['500118104203'] };
const admin = { role: 'admin', scope: [] };
const submitted = { status: 'submitted', reviewLevel: 0, divisionCode: '500118104203', data: {} };

describe('mayReview', () => {
  it('lets the township of the village act on a submitted form at its level, no other township, no officer', () => {
    expect(mayReview(linjiang, form, submitted)).toBe(true);
    expect(mayReview(hegeng, form, submitted)).toBe(false);
    expect(mayReview(officer, form, submitted)).toBe(false);
    expect(mayReview(yongchuan, form, submitted)).toBe(false);
    expect(mayReview(admin, form, submitted)).toBe(true);
  });

  it('lets nobody act on a draft, a returned or an approved form', () => {
    for (const status of ['draft', 'returned', 'approved']) {
      expect(mayReview(linjiang, form, { ...submitted, status })).toBe(false);
      expect(mayReview(admin, form, { ...submitted, status })).toBe(false);
    }
  });

  it('sends an escalated form to the county once the township approved it', () => {
    const escalated = { ...submitted, data: { exclusionReason: '户主突发重病，住院费用远超家庭收入，已核实' } };
    expect(mayReview(linjiang, form, escalated)).toBe(true);
    expect(mayReview(yongchuan, form, escalated)).toBe(false);
    expect(mayReview(linjiang, form, { ...escalated, reviewLevel: 1 })).toBe(false);
    expect(mayReview(yongchuan, form, { ...escalated, reviewLevel: 1 })).toBe(true);
    // Without the escalation there is no level 1 to wait on.
    expect(mayReview(yongchuan, form, { ...submitted, reviewLevel: 1 })).toBe(false);
  });
});
