// Renders any published definition with rjsf, driven by a FormSession: the engine computes and
// validates, the theme shows sections, tables as cards, verification of pre-filled fields and
// the engine's issues. The same component shows a submission read-only to a reviewer.
import Form from '@rjsf/core';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { memo, useEffect, useMemo, useState } from 'react';
import type { FormData, FormDefinition } from '@engine';
import { buildUiSchema } from './buildUiSchema';
import type { FormSession } from './FormSession';
import { ID_PREFIX, ID_SEPARATOR } from './pointers';
import type { RendererContext } from './theme/formContext';
import { templates } from './theme';
import { FormStoreContext } from './useFormStore';
import { widgets } from './widgets';

// An unanswered 是/否 stays unanswered (rjsf would make a required boolean 否), and a table
// starts with the rows the data has (rjsf would add empty ones up to minItems).
const DEFAULTS = { requiredBooleanDefault: 'skip', arrayMinItems: { populate: 'never' } } as const;

export interface FormRendererProps {
  definition: FormDefinition;
  session: FormSession;
  /** rjsf's validator for its schema utilities: the precompiled one (loadValidators.ts). */
  validator: ValidatorType;
  readOnlyView?: boolean;
  /** In the read-only view, each field gets a 标注 button calling this (a reviewer about to return it). */
  onMarkField?: (pointer: string) => void;
  /** A long form's first screen rendered first, the rest of its sections just after (theme/ObjectFieldTemplate.tsx). */
  firstScreenFirst?: boolean;
  /** Photos and signatures as 有/无 with a sample file (the builder's preview and its test cases). */
  evidenceSamples?: boolean;
}

/**
 * Memoised: the page around it (save state, notices) re-renders often, and re-rendering rjsf's Form
 * means a deep comparison of the whole definition.
 */
export const FormRenderer = memo(function FormRenderer({ definition, session, validator, readOnlyView = false, onMarkField, firstScreenFirst = false, evidenceSamples = false }: FormRendererProps) {
  const uiSchema = useMemo(() => buildUiSchema(definition), [definition]);
  const formContext = useMemo<RendererContext>(
    () => ({ definition, session, readOnlyView, firstScreenFirst, evidenceSamples, ...(readOnlyView && onMarkField ? { markField: onMarkField } : {}) }),
    [definition, session, readOnlyView, onMarkField, firstScreenFirst, evidenceSamples],
  );
  const [data, setData] = useState<FormData>(() => session.initialRendererData());
  useEffect(() => session.attach(setData), [session]);
  return (
    <FormStoreContext.Provider value={session.store}>
      <Form
        className="wn-form"
        schema={definition.schema as RJSFSchema}
        uiSchema={uiSchema}
        formData={data}
        validator={validator}
        templates={templates}
        widgets={widgets}
        formContext={formContext}
        idPrefix={ID_PREFIX}
        idSeparator={ID_SEPARATOR}
        noValidate
        noHtml5Validate
        showErrorList={false}
        readonly={readOnlyView}
        experimental_defaultFormStateBehavior={DEFAULTS}
        // Widgets report to the session directly; rjsf reports only what it changes itself.
        onChange={(event, id) => session.change(event.formData as FormData, id)}
        onBlur={(id) => session.blur(id)}
      >
        {/* biome-ignore lint/complexity/noUselessFragments: rjsf renders its own submit button unless Form has children; the session submits, so an empty child hides it. */}
        <></>
      </Form>
    </FormStoreContext.Provider>
  );
});
