import { describe, expect, it } from 'vitest';
import {
  checkCampaign, checkDefinition, compileForm, compileRule, DefinitionError, evaluate, MAX_COMPUTED_SIZE, MAX_INTERMEDIATE_SIZE, MAX_PARAMETER_LENGTH,
  type FormDefinition, type JsonSchema,
} from '@engine';
import { defineForm, table, text } from '../helpers/defineForm';

const readOnlyText: JsonSchema = { type: 'string', readOnly: true };
const readOnlyList: JsonSchema = { type: 'array', items: { type: 'string' }, readOnly: true };

/** The repro: each step joins the previous one with itself. */
function chain(steps: number, op: 'merge' | 'cat'): FormDefinition {
  const properties: Record<string, JsonSchema> = { A1: text('A1 备注', { maxLength: 150 }) };
  const computed = [];
  for (let i = 1; i <= steps; i++) {
    properties[`C${i}`] = op === 'merge' ? readOnlyList : readOnlyText;
    const previous = { var: i === 1 ? 'A1' : `C${i - 1}` };
    computed.push({ field: `C${i}`, value: { [op]: [previous, previous] } });
  }
  return defineForm(properties, { computed });
}

function errors(definition: FormDefinition) {
  return checkDefinition(definition).filter((p) => p.severity === 'error');
}

describe('each evaluation has a whole-output budget', () => {
  it('refuses 18 chained merges, naming the first step whose value could pass the budget', () => {
    const problems = errors(chain(18, 'merge'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.path).toMatch(/^\/rules\/computed\/\d+\/value$/);
    expect(problems[0]!.message).toMatch(/^计算字段 C\d+ 的结果最大可达 \d+ KB，超过每次计算 256 KB 的上限：请为它读取的文字设置最多字数（maxLength）/);
    expect(() => compileForm(chain(18, 'merge'))).toThrow(DefinitionError);
  });

  it('refuses 20 chained cats', () => {
    const problems = errors(chain(20, 'cat'));
    expect(problems.map((p) => p.path)).toContain('/rules/computed/19/value');
  });

  it('accepts a few steps on bounded inputs, and the shipped style of joining texts', () => {
    expect(errors(chain(5, 'cat'))).toEqual([]);
    const joined = defineForm(
      { A5: text('A5 姓名', { maxLength: 30 }), A8: text('A8 年月', { format: 'year-month' }), C: readOnlyText },
      { computed: [{ field: 'C', value: { if: [{ var: 'A8' }, { cat: [{ var: 'A5' }, '（', { var: 'A8' }, '）'] }, '无'] } }] },
    );
    expect(errors(joined)).toEqual([]);
  });

  it('asks for maxLength before a computed value may copy an unbounded text twice', () => {
    const copy = (maxLength?: number) => defineForm(
      { A5: text('A5 姓名', maxLength === undefined ? {} : { maxLength }), C: readOnlyText },
      { computed: [{ field: 'C', value: { cat: [{ var: 'A5' }, '、', { var: 'A5' }] } }] },
    );
    expect(errors(copy())[0]).toMatchObject({ path: '/rules/computed/0/value', message: expect.stringMatching(/^计算字段 C 的结果最大可达 51\d KB/) });
    expect(errors(copy(50))).toEqual([]);
  });

  it('counts a computed column once per row: a table without maxItems is refused, with it accepted', () => {
    const rows = (maxItems?: number) => {
      const members = table('家庭成员', { A5: text('A5 姓名', { maxLength: 20 }), A9: readOnlyText });
      if (maxItems !== undefined) members.maxItems = maxItems;
      return defineForm({ members }, { computed: [{ field: 'members.A9', value: { cat: [{ var: '$row.A5' }, '（成员）'] } }] });
    };
    expect(errors(rows())[0]!.message).toMatch(/^计算字段 members.A9（表格 members 各行合计）最大可达/);
    expect(errors(rows(30))).toEqual([]);
  });

  it('refuses a reduce whose accumulator doubles at each row, even in a validation', () => {
    const doubling = defineForm({ members: table('家庭成员', { A5: text('A5 姓名') }), A1: text('A1') }, {
      validations: [{ id: 'v', field: 'A1', assert: { '!!': { reduce: [{ var: 'members' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'x'] } }, message: 'A1 测试' }],
    });
    expect(errors(doubling)).toEqual([expect.objectContaining({ path: '/rules/validations/0/assert', message: expect.stringMatching(/^这条规则的中间结果最大可达 无上限/) })]);
  });

  it('keeps an unbounded list unbounded when mapped to nothing (no Infinity × 0 slipping through)', () => {
    const unbounded = { reduce: [{ var: '$household.members' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, []] };
    const mapped = defineForm({ A1: text('A1'), C: readOnlyList }, { computed: [{ field: 'C', value: { map: [unbounded, { var: 'nothing' }] } }] });
    expect(errors(mapped).map((p) => p.message)).toContainEqual(expect.stringMatching(/^计算字段 C 的结果最大可达 无上限/));
  });

  it('drops a computed value past the budget with an issue when data breaks the bounds the check relied on', () => {
    const form = defineForm(
      { A5: text('A5 说明', { maxLength: 1000 }), C1: readOnlyText, C2: readOnlyText },
      { computed: [{ field: 'C1', value: { cat: [{ var: 'A5' }, { var: 'A5' }] } }, { field: 'C2', value: { substr: [{ var: 'A5' }, 0, 10] } }] },
    );
    expect(errors(form)).toEqual([]);
    const result = evaluate(form, { A5: 'x'.repeat(200_000) });
    expect(result.data.C1).toBeUndefined();
    expect(result.data.C2).toBe('xxxxxxxxxx');
    expect(result.errors).toContainEqual(expect.objectContaining({
      path: '/C1', code: 'budget', message: `C1的计算结果过大：本次计算的结果合计超过 ${MAX_COMPUTED_SIZE / 1024} KB，未能保存`,
    }));
    expect(JSON.stringify(result.data).length).toBeLessThan(200_000 + MAX_COMPUTED_SIZE + 1000);
    expect(evaluate(form, { A5: 'x'.repeat(100) }).data.C1).toBe('x'.repeat(200));
  });

  it('stops cat and merge past the intermediate limit instead of building gigabytes', () => {
    const scope = { data: { a: 'x'.repeat(MAX_INTERMEDIATE_SIZE / 2 + 1), list: Array.from({ length: MAX_INTERMEDIATE_SIZE / 2 + 1 }, () => 0) } };
    expect(() => compileRule({ cat: [{ var: 'a' }, { var: 'a' }] })(scope)).toThrow(/中间结果超过 4 MB/);
    expect(() => compileRule({ merge: [{ var: 'list' }, { var: 'list' }] })(scope)).toThrow(/中间结果超过 4 MB/);
    expect(compileRule({ cat: [{ var: 'a' }, 'y'] })(scope)).toHaveLength(MAX_INTERMEDIATE_SIZE / 2 + 2);
  });

  it('keeps the text parameters a campaign gives rules short', () => {
    const form = defineForm({ A1: text('A1') }, {}, { parameters: { label: { title: '标签', type: 'string' } } });
    const campaign = (label: string) => ({ id: 'c', title: '活动', forms: ['test-form'], parameters: { label } }) as never;
    expect(checkCampaign(campaign('x'.repeat(MAX_PARAMETER_LENGTH + 1)), new Map([['test-form', form]]))).toEqual([
      { path: '/parameters/label', message: `参数 label（标签）最多 ${MAX_PARAMETER_LENGTH} 个字`, severity: 'error' },
    ]);
    expect(checkCampaign(campaign('x'.repeat(MAX_PARAMETER_LENGTH)), new Map([['test-form', form]]))).toEqual([]);
  });
});
