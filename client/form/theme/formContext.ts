// What every template can reach through rjsf's formContext: the definition and the session
// (stable for the life of the form, so passing it re-renders nothing).
import type { FormDefinition } from '@engine';
import type { FormSession } from '../FormSession';

export interface RendererContext {
  definition: FormDefinition;
  session: FormSession;
  /** Show values as text (a reviewer reading a submission). */
  readOnlyView: boolean;
  /** A reviewer marks a field for the officer (a note with a return); absent: no marking. */
  markField?: (pointer: string) => void;
  /** Render the first screen's sections first, the rest when the browser is idle (the officer's fill page). */
  firstScreenFirst?: boolean;
  /** Photos and signatures as 有/无 with a sample file instead of a camera or a pad (the builder's preview). */
  evidenceSamples?: boolean;
}

export function rendererContext(registry: { formContext?: unknown }): RendererContext {
  return registry.formContext as RendererContext;
}
