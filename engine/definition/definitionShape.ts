// The shape of a form definition, checked with zod before anything else looks inside it.
// Unknown keys are refused (a typo such as "rule" for "rules" must not pass silently).
import { z } from 'zod';
import { HOUSEHOLD_KINDS } from '../registry/householdFields';

const present = z.custom<unknown>((value) => value !== undefined, { message: '不能为空' });
const fieldKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, '应为字段编码（如 A28 或 members.A7）');
const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能由字母、数字、下划线和短横线组成');

const parameter = z.strictObject({
  title: z.string().min(1),
  type: z.enum(['number', 'string', 'date', 'year-month']),
  description: z.string().optional(),
});

const section = z.strictObject({
  id: identifier,
  title: z.string().min(1),
  description: z.string().optional(),
  fields: z.array(fieldKey).min(1),
});

const visibilityRule = z
  .strictObject({ field: fieldKey.optional(), section: identifier.optional(), when: present })
  .refine((r) => (r.field === undefined) !== (r.section === undefined), '应当指定 field 或 section 之一');

const computedRule = z.strictObject({ field: fieldKey, value: present });

const validationRule = z.strictObject({
  id: identifier,
  field: fieldKey,
  when: z.unknown().optional(),
  assert: present,
  message: z.string().min(1),
  severity: z.enum(['error', 'warning']).optional(),
});

const columns = z.record(z.string(), z.string());

const prefill = z.strictObject({
  field: fieldKey,
  from: z.string().min(1),
  columns: columns.optional(),
  verify: z.boolean().optional(),
});

const effect = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('setFields'),
    when: z.unknown().optional(),
    set: z.record(z.string(), present),
    createIfMissing: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('addMembers'), from: fieldKey, columns, rowWhen: z.unknown().optional() }),
  z.strictObject({ type: z.literal('replaceMembers'), from: fieldKey, columns, rowWhen: z.unknown().optional() }),
  z.strictObject({ type: z.literal('removeMembers'), from: fieldKey, idColumn: z.string(), reasonColumn: z.string() }),
]);

const reviewLevel = z.strictObject({
  id: identifier,
  title: z.string().min(1),
  divisionDigits: z.union([z.literal(2), z.literal(4), z.literal(6), z.literal(9), z.literal(12)]),
});

export const definitionShape = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, '应为小写字母、数字和短横线（如 monitoring-object）'),
  title: z.string().min(1),
  description: z.string().optional(),
  source: z.string().optional(),
  createsHousehold: z.boolean().optional(),
  parameters: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), parameter).optional(),
  schema: z.record(z.string(), z.unknown()),
  uiSchema: z.record(z.string(), z.unknown()).optional(),
  sections: z.array(section).optional(),
  rules: z
    .strictObject({
      visibility: z.array(visibilityRule).optional(),
      computed: z.array(computedRule).optional(),
      validations: z.array(validationRule).optional(),
    })
    .optional(),
  registry: z.strictObject({ prefill: z.array(prefill).optional(), effects: z.array(effect).optional() }).optional(),
  review: z.strictObject({
    levels: z.array(reviewLevel),
    onePerHousehold: z.boolean().optional(),
    escalations: z.array(z.strictObject({ id: identifier, when: z.unknown(), level: reviewLevel, reason: z.string().min(1) })).optional(),
  }).optional(),
  appliesTo: z.strictObject({ kinds: z.array(z.enum(HOUSEHOLD_KINDS)).min(1) }).optional(),
  translations: z.record(
    z.string().regex(/^[a-z]{2,3}$/, '应为语言代码（如 en、ug）').refine((l) => l !== 'zh', '中文是定义本身的文字，不在 translations 中'),
    z.record(z.string().min(1), z.string()),
  ).optional(),
});
