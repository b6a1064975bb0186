// Renders a small definition with the officers' renderer (or read-only, as a reviewer sees it),
// for the photo, signature and location tests.
import { render } from '@testing-library/react';
import type { FormData, FormDefinition, JsonSchema } from '@engine';
import { FormRenderer } from '../../../client/form/FormRenderer';
import { FormSession } from '../../../client/form/FormSession';
import { defineForm } from '../../helpers/defineForm';
import { preparedForm } from '../../helpers/preparedForm';

export function evidenceForm(properties: Record<string, JsonSchema>, uiSchema: Record<string, unknown> = {}): FormDefinition {
  return defineForm(properties, {}, { uiSchema });
}

export function renderEvidence(definition: FormDefinition, data: FormData = {}, options: { readOnlyView?: boolean; evidenceSamples?: boolean } = {}) {
  const prepared = preparedForm(definition);
  const session = new FormSession({ form: prepared.form, context: { params: {}, household: null }, data });
  const view = render(<FormRenderer definition={definition} session={session} validator={prepared.validator} {...options} />);
  return { session, view };
}
