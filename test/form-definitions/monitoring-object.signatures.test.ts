// The monitoring-object form's 签字确认 (004): the household head's and the officer's signatures on a
// visit, the officer's alone on a phone interview, and the household's position.
import { describe, expect, it } from 'vitest';
import { evaluateForm, loadForm } from '../helpers/forms';
import { FORM, SIGNED, chenHousehold, messages } from './monitoringObjectHouseholds';

describe('易返贫致贫户信息采集表', () => {
  describe('签字确认: "两不愁三保障"和年度收入经农户和信息采集员双签字确认, 电话访谈 where the household cannot be visited (004)', () => {
    const { headSignature: _head, officerSignature: _officer, ...unsigned } = chenHousehold();
    const HEAD = '农户签字（户主签字）：户主尚未签字，入户采集须经户主签字确认（双签字确认）；未能入户的请选电话访谈';
    const OFFICER = '信息采集员签字：信息采集员尚未签字，须经信息采集员签字确认（双签字确认）';

    it('offers the household head\'s and the officer\'s signature pads, and the household\'s position', () => {
      const form = loadForm(FORM);
      const fields = form.schema.properties as Record<string, { format?: string }>;
      expect([fields.headSignature?.format, fields.officerSignature?.format, fields.location?.format]).toEqual(['signature', 'signature', 'location']);
      const ui = form.uiSchema as Record<string, { 'ui:options'?: { signer?: string } }>;
      expect([ui.headSignature?.['ui:options']?.signer, ui.officerSignature?.['ui:options']?.signer]).toEqual(['household', 'officer']);
    });

    it('refuses a visit neither has signed, naming both signatures', () => {
      const result = evaluateForm(FORM, unsigned);
      expect(result.valid).toBe(false);
      expect(result.errors).toEqual([
        { path: '/headSignature', field: 'headSignature', code: 'rule:head-signs', severity: 'error', message: HEAD },
        { path: '/officerSignature', field: 'officerSignature', code: 'rule:officer-signs', severity: 'error', message: OFFICER },
      ]);
    });

    it('refuses a visit the household head has not signed', () => {
      const result = evaluateForm(FORM, { ...unsigned, officerSignature: SIGNED });
      expect(result.errors.map((e) => e.message)).toEqual([HEAD]);
    });

    it('accepts a phone interview without the head\'s signature, and takes no position then', () => {
      const result = evaluateForm(FORM, { ...unsigned, phoneInterview: true, officerSignature: SIGNED, location: 'geo:29.356212,105.927310;u=12;t=2021-11-12T02:15:00Z' });
      expect(messages(result)).toEqual([]);
      expect(result.hidden).toContain('/location');
      expect(result.data.location).toBeUndefined();
    });

    it('refuses a phone interview the officer has not signed', () => {
      expect(evaluateForm(FORM, { ...unsigned, phoneInterview: true }).errors.map((e) => e.message)).toEqual([OFFICER]);
    });

    it('keeps the position taken on a visit', () => {
      const location = 'geo:29.356212,105.927310;u=12;t=2021-11-12T02:15:00Z';
      const result = evaluateForm(FORM, chenHousehold({ location }));
      expect(result.valid).toBe(true);
      expect(result.data.location).toBe(location);
    });
  });
});
