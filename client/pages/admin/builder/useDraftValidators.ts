// The precompiled validators of the draft's schema, for the builder's preview and test cases: the
// page may evaluate no code (Content-Security-Policy), so the server generates them (POST
// /api/forms/{id}/draft/validators) and the page imports the module at the address it returns.
// Only a changed schema asks again (rules and layout need no new validators). The server keeps
// the module in its memory; another server behind the same address makes it again when the
// schema is the saved draft's, and otherwise the page asks once more.
import { useEffect, useState } from 'react';
import type { FormDefinition } from '@engine';
import { api } from '../../../api/http';
import { importValidators, type ServedValidators } from '../../../form/loadValidators';

const ASK_AFTER_MS = 300;

export interface DraftValidators {
  /** The validators of `schema`, null while they load or when the schema is broken. */
  served: ServedValidators | null;
  /** The schema they were made for: a definition uses them only when its schema is this one. */
  schema: FormDefinition['schema'] | null;
  error: string | null;
}

async function generate(formId: string, schema: FormDefinition['schema']): Promise<ServedValidators> {
  const post = () => api<{ url: string }>('POST', `/api/forms/${encodeURIComponent(formId)}/draft/validators`, { schema });
  try {
    return await importValidators((await post()).url);
  } catch {
    return importValidators(`${(await post()).url}?again=${Date.now()}`);
  }
}

export function useDraftValidators(formId: string, schema: FormDefinition['schema']): DraftValidators {
  const [state, setState] = useState<DraftValidators>({ served: null, schema: null, error: null });
  const key = JSON.stringify(schema);
  useEffect(() => {
    let current = true;
    const wanted = JSON.parse(key) as FormDefinition['schema'];
    // Asked a moment after the last edit, as the preview is rebuilt (PreviewPane).
    const timer = setTimeout(() => generate(formId, wanted).then(
      (served) => { if (current) setState({ served, schema: wanted, error: null }); },
      (e: Error) => { if (current) setState({ served: null, schema: null, error: e.message }); },
    ), ASK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [formId, key]);
  return state;
}

/** Whether the validators were made for a definition with this schema. */
export function fits(validators: DraftValidators, schema: FormDefinition['schema']): validators is DraftValidators & { served: ServedValidators } {
  return validators.served !== null && validators.schema !== null && JSON.stringify(validators.schema) === JSON.stringify(schema);
}
