// The reference the client bench measures the officer's form against: the same definition (the
// monitoring-object form) rendered by plain @rjsf/core with its own ajv validator, compiled in the
// page, and the data inline in the page (no request after the script). Only what plain rjsf cannot
// show is changed: the app's own widget names (money) are dropped, so rjsf picks its default.
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { createRoot } from 'react-dom/client';
import definition from '../../form-definitions/monitoring-object/definition.json';
import { domainFormatDefinitions } from '@engine/validation/domainFormatDefinitions';

const RJSF_WIDGETS = new Set(['checkboxes', 'radio', 'select', 'textarea', 'text', 'updown', 'range', 'date', 'email', 'hidden']);

function plainUi(node: unknown): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ui:widget' && !RJSF_WIDGETS.has(String(value))) continue;
    out[key] = plainUi(value);
  }
  return out;
}

const data = JSON.parse(document.getElementById('data')?.textContent ?? '{}') as Record<string, unknown>;
const validator = customizeValidator({ customFormats: domainFormatDefinitions as never });

createRoot(document.getElementById('root')!).render(
  <Form schema={definition.schema as RJSFSchema} uiSchema={plainUi(definition.uiSchema) as UiSchema} formData={data} validator={validator} />,
);
