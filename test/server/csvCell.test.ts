// What a CSV export's text cells say (csvCell): digits a spreadsheet would change written as a
// text formula holding only digits, everything else neutralised against formula injection; and
// checked by opening each as a spreadsheet would.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../server/export/csvCell';
import { neutraliseFormula } from '../../server/export/neutraliseFormula';
import { openCell } from '../helpers/openCsvAsSpreadsheet';

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['+86 13508321234', "'+86 13508321234"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-5', '-5'],
    ['+3.5', '+3.5'],
    ['-0.25', '-0.25'],
    ['张德明', '张德明'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j becomes %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });
});

describe('csvCell', () => {
  it.each([
    ['500118196804120636', '="500118196804120636"'],
    ['50024319750406331442', '="50024319750406331442"'],
    ['02349112233', '="02349112233"'],
    ['500118104201', '="500118104201"'],
    ['50011819680412063X', '50011819680412063X'],
    ['13508321234', '13508321234'],
    ['3000', '3000'],
    ['0', '0'],
    ['-5', '-5'],
    ['=1+1', "'=1+1"],
    ['="1"', '\'="1"'],
  ])('%j becomes %j', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it('writes nothing a spreadsheet would run: a text formula holds digits alone, anything else opens as the text it is', () => {
    for (const text of ['500118196804120636', '02349112233', '0"&HYPERLINK("x")&"1', '01,2', '0123X']) {
      expect(openCell(String(csvCell(text)))).toMatchObject({ type: 'text', value: text });
    }
  });
});
