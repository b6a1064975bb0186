// A `require` for served validator modules with every helper already loaded, re2js included:
// for Node (the server's own checks, tests), where nothing is gained by loading it lazily.
// Pages load re2js only for a module that names it (client/form/loadValidators.ts).
import * as re2js from 're2js';
import { validatorRequireWith } from './validatorRuntime';

export const fullValidatorRequire = validatorRequireWith({ re2js });
