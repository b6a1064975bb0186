// A definition made ready as a form page makes it: the module the server would serve for it
// (server/forms/validatorModule.ts), run with the engine's runtime, and the page's own
// prepareForm. Component tests render with it, so they exercise the precompiled validators.
import { prepareForm, type PreparedForm, type ServedValidators } from '../../client/form/loadValidators';
import { fullValidatorRequire, type FormDefinition } from '@engine';
import { validatorModule } from '../../server/forms/validatorModule';

const served = new WeakMap<object, ServedValidators>();

export function servedValidators(schema: Record<string, unknown>): ServedValidators {
  let found = served.get(schema);
  if (!found) {
    // A module in a browser; a function body here (tests run without a CSP).
    const body = validatorModule(schema, 'test').replace('export const requires', 'const requires').replace('export default function validators', 'return function validators');
    found = (new Function(body)() as (require: typeof fullValidatorRequire) => ServedValidators)(fullValidatorRequire);
    served.set(schema, found);
  }
  return found;
}

export function preparedForm(definition: FormDefinition, language = 'zh'): PreparedForm {
  return prepareForm(definition, servedValidators(definition.schema), { language });
}
