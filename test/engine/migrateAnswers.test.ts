// Moving answers between versions of a form, with a household of the seeds: 冉光明's 回头看 sheet
// (003 附件2, the form's first case: 边缘易致贫户, 因病, monitors 任晓东 and 谢红梅) moved to a 2024
// version in which C2's income brackets follow the 2024 line, D6 其他风险 is gone, D8 主要措施
// takes several measures, B1 is asked as 是/否 text, A4 is typed as text, a required C5 and a
// monitors' column D2a are new. Each answer is carried by its code, converted where it fits,
// flagged where it does not, kept (with its value) where its field was removed.
import { describe, expect, it } from 'vitest';
import { evaluate, migrateAnswers, type FormDefinition } from '@engine';
import { loadCases, loadForm } from '../helpers/forms';
import { lookback2024 } from '../helpers/lookback2024';

const v1 = loadForm('lookback');
const ran = loadCases('lookback').find((c) => c.name.startsWith('完整有效：风险未消除的边缘易致贫户（冉光明'))!;

describe('migrateAnswers: 冉光明\'s 回头看 sheet to the 2024 version', () => {
  const move = migrateAnswers(v1, lookback2024(), ran.data);

  it('carries every unchanged answer by its code, tables row by row', () => {
    expect(move.data).toMatchObject({
      A1: '重庆市彭水苗族土家族自治县石盘乡大厂村3组', A2: '冉光明', A3: '500243196803153016', A5: '边缘易致贫户', A6: '因大病', A7: '2020-06',
      C3: '外出务工', D5: '因病', D10: '2021-12',
      monitors: [{ D1: '任晓东', D2: '13896512345' }, { D1: '谢红梅', D2: '15123874402' }],
    });
    expect(move.data.D7).toBe(ran.data.D7);
  });

  it('keeps the answer of the removed D6 with its value, out of the data', () => {
    expect(move.removed).toEqual([{ path: '/D6', field: 'D6', title: 'D6 其他风险', value: ['缺劳动力'] }]);
    expect(move.data).not.toHaveProperty('D6');
  });

  it('converts what fits the changed fields: one measure into several, 否 as text, the number of people as text', () => {
    expect(move.data).toMatchObject({ D8: ['健康帮扶'], B1: '否', A4: '3' });
    expect(move.converted.map((c) => [c.path, c.from, c.to])).toEqual([['/A4', 3, '3'], ['/B1', false, '否'], ['/D8', '健康帮扶', ['健康帮扶']]]);
  });

  it('flags C2, whose 2021 bracket the 2024 options no longer have, and leaves it empty to answer again', () => {
    expect(move.flagged).toEqual([{ path: '/C2', field: 'C2', title: 'C2 估计该户2024年人均收入处于', value: '6000-9000元', reason: '新版本的选项中没有“6000-9000元”' }]);
    expect(move.data).not.toHaveProperty('C2');
  });

  it('lists the new required C5 and monitors\' D2a to fill', () => {
    expect(move.toFill).toEqual([
      { path: '/monitors/D2a', field: 'monitors.D2a', title: 'D2a 监测责任人单位' },
      { path: '/C5', field: 'C5', title: 'C5 该户2024年是否享受低保' },
    ]);
  });

  it('gives data the new version evaluates with errors only where the officer has to answer', () => {
    const result = evaluate(lookback2024(), move.data, { params: ran.params ?? {} });
    expect(result.errors.map((e) => e.path).sort()).toEqual(['/C2', '/C5', '/monitors/0/D2a', '/monitors/1/D2a']);
  });

  it('leaves the data it was given as it was', () => {
    expect(ran.data.D8).toBe('健康帮扶');
    expect(ran.data.D6).toEqual(['缺劳动力']);
  });
});

describe('migrateAnswers: conversions', () => {
  const form = (props: Record<string, unknown>): FormDefinition => ({ id: 'f', title: '表', schema: { type: 'object', properties: props } }) as FormDefinition;

  it('turns a money amount typed as text into a number, and refuses text that is no number', () => {
    const from = form({ A28: { type: 'string', title: 'A28 工资性收入' }, A29: { type: 'string', title: 'A29' } });
    const to = form({ A28: { type: 'number', title: 'A28 工资性收入（元）' }, A29: { type: 'integer', title: 'A29（人）' } });
    const move = migrateAnswers(from, to, { A28: '12000.5', A29: '三人' });
    expect(move.data).toEqual({ A28: 12000.5 });
    expect(move.flagged).toEqual([{ path: '/A29', field: 'A29', title: 'A29（人）', value: '三人', reason: '原答案“三人”不能作为整数' }]);
  });

  it('moves several choices to a single one only when one was chosen', () => {
    const from = form({ D9: { type: 'array', items: { type: 'string', enum: ['产业帮扶', '就业帮扶'] } }, D4: { type: 'array', items: { type: 'string', enum: ['产业帮扶', '就业帮扶'] } } });
    const to = form({ D9: { type: 'string', enum: ['产业帮扶', '就业帮扶'] }, D4: { type: 'string', enum: ['产业帮扶', '就业帮扶'] } });
    const move = migrateAnswers(from, to, { D9: ['就业帮扶'], D4: ['产业帮扶', '就业帮扶'] });
    expect(move.data).toEqual({ D9: '就业帮扶' });
    expect(move.flagged[0]).toMatchObject({ path: '/D4', reason: '新版本只能选一项，原答案为“产业帮扶、就业帮扶”' });
  });
});
