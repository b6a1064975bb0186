// Builds small definitions for engine tests: a handful of fields in the seeds' style, with the
// rules a test needs. Real forms live only in form-definitions/.
import type { FormDefinition, FormRules, JsonSchema } from '@engine';

export const money = (title: string): JsonSchema => ({ type: 'number', minimum: 0, title });
export const readOnlyMoney = (title: string): JsonSchema => ({ type: 'number', readOnly: true, title });
export const yesNo = (title: string): JsonSchema => ({ type: 'boolean', title });
export const text = (title: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', title, ...extra });
export const table = (title: string, columns: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'array',
  title,
  items: { type: 'object', properties: columns, required },
});

export function defineForm(
  properties: Record<string, JsonSchema>,
  rules: FormRules = {},
  { required = [], ...extra }: Partial<FormDefinition> & { required?: string[] } = {},
): FormDefinition {
  return {
    id: 'test-form',
    title: '测试表',
    schema: { type: 'object', properties, required },
    rules,
    ...extra,
  };
}
