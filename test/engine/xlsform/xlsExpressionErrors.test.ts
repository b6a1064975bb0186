// XLSForm expressions that cannot be imported: syntax, names, types and calls reported in
// Chinese at the offsets of the text concerned, the XLSForm functions with no equivalent in the
// rule sandbox refused by name with the reason, and random cell contents that never crash it.
import { describe, expect, it } from 'vitest';
import { compileXlsExpression } from '@engine/xlsform';
import { errorOf, inMembers, logicOf, scope } from './xlsSurvey';

describe('compileXlsExpression: errors, in Chinese at the offsets to underline', () => {
  it('syntax', () => {
    expect(errorOf('${age} >')).toEqual({ message: '“>” 后面缺少数值', underlined: '>' });
    expect(errorOf('(${age} + 1')).toEqual({ message: '缺少右括号“)”', underlined: '(' });
    expect(errorOf("${age} = 'yes")).toEqual({ message: '文字缺少结束的引号', underlined: "'yes" });
    expect(errorOf('${age} <> 1')).toEqual({ message: '“不等于”请写成 !=', underlined: '<>' });
    expect(errorOf('${age} / 2').message).toBe('除法请写成 div，如 ${A33} div ${A35}');
    expect(errorOf('/data/age > 1')).toEqual({ message: '不支持 XPath 的路径“/”：题目请写成 ${名称}，如 ${A28}', underlined: '/' });
    expect(errorOf('6 <= ${age} <= 16').message).toContain('比较不能连写');
    expect(errorOf('${age').message).toBe('${…} 缺少结束的“}”');
  });

  it('operators and functions are lower case, as XLSForm writes them', () => {
    expect(errorOf('${age} > 1 AND ${age} < 9')).toEqual({ message: '运算符要小写：and', underlined: 'AND' });
    expect(errorOf('int(${note})')).toEqual({ message: 'int() 需要数字', underlined: '${note}' });
  });

  it('reads full-width punctuation typed on a Chinese keyboard', () => {
    expect(logicOf('selected（${colors}，‘red’）')).toEqual(logicOf("selected(${colors}, 'red')"));
    expect(logicOf('${salary_income}＋${self_employed_income}＞＝6000')).toEqual(logicOf('${salary_income} + ${self_employed_income} >= 6000'));
  });

  it('names', () => {
    expect(errorOf('${agee} > 1')).toEqual({ message: '没有题目 ${agee}', underlined: '${agee}' });
    expect(errorOf('${incomeLine} > 1')).toEqual({ message: "incomeLine 是活动参数，请写成 param('incomeLine')", underlined: '${incomeLine}' });
    expect(errorOf("param('line') > 1")).toEqual({ message: '没有活动参数 line（可用：incomeLine、referenceDate）', underlined: "'line'" });
    expect(errorOf('age > 1')).toEqual({ message: "“age” 是什么？题目请写成 ${age}，文字请加引号 'age'", underlined: 'age' });
    expect(errorOf('. > 1')).toEqual({ message: '“.” 表示本题的值，只能用在约束（constraint）中；其他地方请写 ${题目名称}', underlined: '.' });
  });

  it('types, in the words of XLSForm', () => {
    expect(errorOf("${colors} = 'red'")).toEqual({ message: "colors 是多选，请用 selected(colors, '…') 判断是否选了某项", underlined: '${colors}' });
    expect(errorOf("if(${note}, 1, 0)")).toEqual({ message: "if 的条件应为是/否（比较、and、or 等），note 是文字；判断是否填写请用 note != ''", underlined: '${note}' });
    expect(errorOf("${age} + 'abc'").message).toBe('“abc” 是文字，不能做加减乘除');
    expect(errorOf("${gender} = 'other'").message).toBe('gender 没有选项“other”（可选：male、female）');
  });

  it('function calls', () => {
    expect(errorOf('IF(${age} > 1, 1, 0)')).toEqual({ message: '函数名要小写：if()', underlined: 'IF' });
    expect(errorOf('and(${age} > 1, ${age} < 9)').message).toContain('and 是运算符');
    expect(errorOf('foo(${age})')).toEqual({ message: '不认识的函数 foo()', underlined: 'foo' });
    expect(errorOf('if(${age} > 1, 1)')).toEqual({ message: "if() 需要 3 个参数，如 if(${A34} < param('incomeLine'), '低于', '')", underlined: 'if(${age} > 1, 1)' });
    expect(errorOf('substr(${phone}, 3)').message).toBe('substr() 请写出结束位置，如 substr(${A7}, 6, 14)');
    expect(errorOf("count(${members}[${wage} > ${age}])").message).toContain('只能与固定的值比较');
  });
});

describe('compileXlsExpression: constructs with no equivalent are refused by name', () => {
  const refused: [string, string][] = [
    ["pulldata('fruits', 'name', 'name_key', 'mango')", 'pulldata() 在本系统的规则中没有对应：读取外部 CSV 数据，规则中没有外部数据，无法导入'],
    ["jr:choice-name(${gender}, '${gender}')", 'jr:choice-name() 在本系统的规则中没有对应：取选项的标签；规则只比较选项的值，标签用于显示，无法导入'],
    ['position(..)', ''],
    ['indexed-repeat(${wage}, ${members}, 1)', 'indexed-repeat() 在本系统的规则中没有对应：按序号读取重复组的某一行，规则中没有行序号，无法导入'],
    ["regex(., '^[0-9]{11}$')", 'regex() 在本系统的规则中没有对应：正则表达式匹配，规则的沙箱中没有正则运算；请在题目上用约束的格式（JSON Schema 的 pattern），无法导入'],
    ['today()', "today() 在本系统的规则中没有对应：读取当天日期，规则须在手机和服务器上得出同样的结果；请用活动参数，如 param('referenceDate')，或一个填表日期题目，无法导入"],
    ['once(uuid())', ''],
    ['random() < 0.5', 'random() 在本系统的规则中没有对应：随机数，规则须每次得出同样的结果，无法导入'],
  ];
  for (const [expression, message] of refused) {
    it(expression, () => {
      const result = compileXlsExpression(expression, scope, { self: 'phone' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      if (message) expect(result.errors[0]!.message).toBe(message);
      else expect(result.errors[0]!.message).toMatch(/没有对应|不支持/);
    });
  }

  it('position(..) is refused at the path, naming it', () => {
    expect(errorOf('position(..)')).toEqual({ message: '不支持 XPath 的路径“..”：题目请写成 ${名称}，如 ${A28}', underlined: '..' });
  });
});

describe('compileXlsExpression on whatever a cell may hold', () => {
  it('never throws: 3000 random expressions either compile or give errors inside the text', () => {
    const pieces = ['${age}', '${colors}', '${members}', '${wage}', '${nope}', '.', '..', '/', '[', ']', '(', ')', ',', "'a'", '"b"', "'", '1', '-', '+', '*',
      ' div ', ' mod ', ' and ', ' or ', '=', '!=', '<', '>=', 'if(', 'selected(', 'count(', 'sum(', 'substr(', 'round(', 'int(', 'not(', 'today()',
      'true()', "param('incomeLine')", "household('kind')", 'relation', '$', '{', '}', '，', '（', '）', '“', '‘'];
    let random = 12345;
    const next = () => { random = (random * 1103515245 + 12345) % 2147483648; return random / 2147483648; };
    let compiled = 0;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const result = compileXlsExpression(text, next() < 0.5 ? scope : inMembers, { self: 'age' });
      if (result.ok) {
        compiled += 1;
        continue;
      }
      expect(result.errors.length, text).toBeGreaterThan(0);
      for (const error of result.errors) {
        expect(error.start, text).toBeGreaterThanOrEqual(0);
        expect(error.end, text).toBeLessThanOrEqual(text.length);
        expect(error.start, text).toBeLessThanOrEqual(error.end);
        expect(error.message, text).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(compiled).toBeGreaterThan(0);
  });
});
