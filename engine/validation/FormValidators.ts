// The validators a compiled form takes instead of compiling its schema with ajv: made from the
// standalone code of formValidatorSource, run with validatorRequire.
import type { ValidateFunction } from 'ajv';

export interface FormValidators {
  /** The whole data against the definition's schema, reporting ajv's errors as compiled ones do. */
  form: ValidateFunction;
}
