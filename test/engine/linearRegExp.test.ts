import { createRequire } from 'node:module';
import standaloneCode from 'ajv/dist/standalone';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, checkDefinition, evaluate, linearRegExp } from '@engine';
import { createAjv } from '@engine/validation/createAjv';
import { defineForm, text } from '../helpers/defineForm';

const CHINESE_NAME = '^[\\u4e00-\\u9fa5·]{2,15}$';

function withPattern(pattern: string) {
  return defineForm({ A5: text('A5 姓名', { pattern }) });
}

describe('administrators\' patterns run in linear time', () => {
  // First: were the engine swapped back to RegExp, the next test would block its worker for days.
  it('compiles every pattern with the linear engine, standalone code included: the .code expression and a generated module agree', () => {
    const require = createRequire(import.meta.url);
    const fromCode = new Function('require', `return ${linearRegExp.code}`)(require) as typeof linearRegExp;
    for (const [pattern, value] of [[CHINESE_NAME, '张三'], [CHINESE_NAME, 'abc'], ['^(a+)+$', `${'a'.repeat(60)}!`], ['^\\d{6}$', '123456']] as const) {
      expect(fromCode(pattern, 'u').test(value)).toBe(linearRegExp(pattern, 'u').test(value));
    }
    expect(AJV_OPTIONS.code?.regExp).toBe(linearRegExp);
    const ajv = createAjv({ code: { source: true } });
    const validate = ajv.compile({ type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' }, b: { type: 'string', pattern: CHINESE_NAME } } });
    const module = { exports: {} as (data: unknown) => boolean };
    new Function('module', 'exports', 'require', standaloneCode(ajv, validate))(module, module.exports, require);
    expect(module.exports({ a: 'aaa', b: '张三' })).toBe(true);
    expect(module.exports({ a: `${'a'.repeat(60)}!`, b: '张三' })).toBe(false);
    expect(module.exports({ a: 'a', b: 'abc' })).toBe(false);
  });
  it('answers ^(a+)+$ on 60 a\'s and a "!" at once, with the pattern issue (backtracking would take days)', () => {
    const result = evaluate(withPattern('^(a+)+$'), { A5: `${'a'.repeat(60)}!` });
    expect(result.errors).toEqual([expect.objectContaining({ path: '/A5', code: 'pattern', message: 'A5 姓名格式不正确' })]);
    expect(evaluate(withPattern('^(a+)+$'), { A5: 'a'.repeat(60) }).valid).toBe(true);
  });

  it('keeps Chinese and unicode patterns working', () => {
    expect(evaluate(withPattern(CHINESE_NAME), { A5: '张三' }).valid).toBe(true);
    expect(evaluate(withPattern(CHINESE_NAME), { A5: '买买提·艾力' }).valid).toBe(true);
    expect(evaluate(withPattern(CHINESE_NAME), { A5: 'Zhang San' }).valid).toBe(false);
    expect(evaluate(withPattern('^\\p{L}+$'), { A5: '张三' }).valid).toBe(true);
    expect(evaluate(withPattern('^[0-9]{8,30}$'), { A5: '1234567' }).valid).toBe(false);
    expect(evaluate(withPattern('^\\d{6}$'), { A5: '123456' }).valid).toBe(true);
  });

  it('refuses a backreference or lookaround with a Chinese message naming the field', () => {
    for (const pattern of ['^(a)\\1$', '^(?=a)a$', '(?<!x)y']) {
      const problems = checkDefinition(withPattern(pattern));
      expect(problems).toEqual([expect.objectContaining({ path: '/schema/properties/A5/pattern', severity: 'error' })]);
      expect(problems[0]!.message).toMatch(/^字段 A5 的格式正则表达式 ".*" 无法使用：只支持不含反向引用/);
    }
    const keys = checkDefinition(defineForm({ A1: { type: 'object', patternProperties: { '^(?=x)': { type: 'string' } } } }));
    expect(keys[0]!.path).toBe('/schema/properties/A1/patternProperties/^(?=x)');
  });

  it('does not take a field named "pattern" for the keyword', () => {
    expect(checkDefinition(defineForm({ pattern: text('格式', { pattern: '^[a-z]+$' }) }))).toEqual([]);
  });

});
