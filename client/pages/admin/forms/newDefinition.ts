// A new form as the builder starts it: an id and title, one section with one text field — the
// smallest definition the checker accepts, ready to be built on.
import type { FormDefinition } from '@engine';

export function newDefinition(id: string, title: string): FormDefinition {
  return {
    id,
    title,
    schema: { type: 'object', properties: { A1: { type: 'string', title: 'A1 新字段', maxLength: 50 } } },
    sections: [{ id: 'section-1', title: '一、基本信息', fields: ['A1'] }],
  };
}
