// The monitoring-object form's questions shown only when they apply (A2, A27a, the 其他 risk, A15
// and A16), required and checked only while shown.
import { describe, expect, it } from 'vitest';
import { evaluateForm, issueAt } from '../helpers/forms';
import { FORM, chenHousehold, withMember, type Row } from './monitoringObjectHouseholds';

describe('易返贫致贫户信息采集表', () => {
  describe('visibility', () => {
    it('shows A2 安置区地址 only when A1 is 是, and requires it only then', () => {
      const shown = evaluateForm(FORM, chenHousehold({ A1: true }));
      expect(shown.hidden).not.toContain('/A2');
      expect(issueAt(shown, '/A2')).toMatchObject({ code: 'required', message: 'A2 安置区地址为必填项' });

      const filled = evaluateForm(FORM, chenHousehold({ A1: true, A2: '重庆市永川区临江镇临江社区幸福小区' }));
      expect(filled.valid).toBe(true);
      expect(filled.data.A2).toBe('重庆市永川区临江镇临江社区幸福小区');

      const hidden = evaluateForm(FORM, chenHousehold({ A1: false, A2: '重庆市永川区临江镇临江社区幸福小区' }));
      expect(hidden.hidden).toContain('/A2');
      expect(hidden.data).not.toHaveProperty('A2');
      expect(hidden.valid).toBe(true);
    });

    it('shows A27a only when A27 includes 因自然灾害, and requires a kind of disaster then', () => {
      const shown = evaluateForm(FORM, chenHousehold({ A27: ['因病', '因自然灾害'] }));
      expect(shown.hidden).not.toContain('/A27a');
      expect(issueAt(shown, '/A27a')).toMatchObject({ code: 'required', message: 'A27a 因自然灾害为必填项' });

      const flood = evaluateForm(FORM, chenHousehold({ A27: ['因自然灾害'], A27a: ['洪涝灾害', '地质灾害'] }));
      expect(flood.valid).toBe(true);
      expect(flood.data.A27a).toEqual(['洪涝灾害', '地质灾害']);

      const hidden = evaluateForm(FORM, chenHousehold({ A27: ['因病'], A27a: ['旱灾'] }));
      expect(hidden.hidden).toContain('/A27a');
      expect(hidden.data).not.toHaveProperty('A27a');
      expect(hidden.valid).toBe(true);
    });

    it('asks for the 其他 risk in words only when A27 includes 其他', () => {
      const shown = evaluateForm(FORM, chenHousehold({ A27: ['因病', '其他'] }));
      expect(issueAt(shown, '/A27_other')).toMatchObject({ code: 'required', message: 'A27 其他风险类型（文字备注）为必填项' });

      const described = evaluateForm(FORM, chenHousehold({ A27: ['其他'], A27_other: '因疫情返乡后未能复工' }));
      expect(described.valid).toBe(true);

      const hidden = evaluateForm(FORM, chenHousehold({ A27: ['因病'], A27_other: '因疫情返乡后未能复工' }));
      expect(hidden.hidden).toContain('/A27_other');
      expect(hidden.data).not.toHaveProperty('A27_other');
    });

    it('shows A15 and A16 only for members who are not 无劳动力 or 丧失劳动力, dropping the others\' values', () => {
      const rows = withMember(1, { A15: '省外', A16: 4 }, withMember(3, { A15: '乡（镇）内', A16: 2 }));
      const result = evaluateForm(FORM, chenHousehold({ members: rows }));
      expect(result.hidden).toEqual(expect.arrayContaining(['/members/1/A15', '/members/1/A16', '/members/3/A15', '/members/3/A16']));
      expect(result.hidden).not.toContain('/members/0/A15');
      expect(result.hidden).not.toContain('/members/2/A16');
      const members = result.data.members as Row[];
      expect(members[1]).not.toHaveProperty('A15');
      expect(members[3]).not.toHaveProperty('A16');
      expect(members[2]).toMatchObject({ A15: '省外', A16: 11 });
      expect(result.valid).toBe(true);
    });

    it('does not require A15 and A16 of a working member who does not work away from home', () => {
      const result = evaluateForm(FORM, chenHousehold({ members: withMember(0, { A15: undefined, A16: undefined }) }));
      expect(result.hidden).not.toContain('/members/0/A15');
      expect(result.valid).toBe(true);
    });

    it('checks A16 only while it is visible', () => {
      const visible = evaluateForm(FORM, chenHousehold({ members: withMember(2, { A16: 13 }) }));
      expect(issueAt(visible, '/members/2/A16')).toMatchObject({ code: 'maximum', message: '家庭成员信息第 3 行：A16 务工时间（月）不能大于 12' });

      const hidden = evaluateForm(FORM, chenHousehold({ members: withMember(3, { A16: 13 }) }));
      expect(issueAt(hidden, '/members/3/A16')).toBeUndefined();
    });
  });
});
