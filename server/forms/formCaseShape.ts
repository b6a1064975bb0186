// The shape of an administrator's test case (engine FormCase) as the API accepts it: checked
// before it is stored, so a malformed case is a 400 naming its place, never a publication that
// fails for a reason nobody can read.
import { z } from '@hono/zod-openapi';

const pointer = z.string().regex(/^(\/[^/]+)+$/, '应为字段位置（JSON Pointer，如 /A33 或 /members/0/A7）');

const issueExpectation = z.strictObject({
  path: pointer,
  code: z.string().max(100).optional(),
  messageIncludes: z.string().max(500).optional(),
});

const member = z.looseObject({ name: z.string(), idNumber: z.string() });

const household = z.looseObject({
  divisionCode: z.string(),
  headName: z.string(),
  headIdNumber: z.string(),
  members: z.array(member).max(100),
});

export const FormCaseSchema = z.strictObject({
  name: z.string().trim().min(1, '用例名称不能为空').max(100),
  params: z.record(z.string(), z.unknown()).optional(),
  household: household.nullable().optional(),
  data: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    valid: z.boolean().optional(),
    values: z.record(pointer, z.unknown()).optional(),
    errors: z.array(issueExpectation).optional(),
    warnings: z.array(issueExpectation).optional(),
    noIssuesAt: z.array(pointer).optional(),
    hidden: z.array(pointer).optional(),
    visible: z.array(pointer).optional(),
  }),
}).openapi('FormCase', { description: '测试用例：示例农户与数据，以及必须得出的结果（见 README：测试用例）' });

/** A form's cases: at most 500, each name once (results are reported by name). */
export const FormCasesSchema = z.array(FormCaseSchema).max(500).superRefine((cases, ctx) => {
  const seen = new Map<string, number>();
  cases.forEach((c, i) => {
    const earlier = seen.get(c.name);
    if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `用例名称“${c.name}”与第 ${earlier + 1} 个用例重复` });
    seen.set(c.name, i);
  });
});
