// What precompiled validators need at run time, handed to them as their `require`: ajv's
// standalone code names its helpers by module specifier (require("ajv/dist/runtime/equal")),
// which a browser cannot resolve, so the served module takes this function instead. Only
// ajv's small run-time helpers and the format checks are here, never its compiler. The
// linear-time regular expression engine (re2js, for forms with a `pattern`) is the one helper a
// page loads only when a module names it (LAZY_SPECIFIERS): it weighs more than the rest together.
import ucs2length from 'ajv/dist/runtime/ucs2length';
import equal from 'ajv/dist/runtime/equal';
import { fullFormats } from 'ajv-formats/dist/formats';
import { domainFormatDefinitions } from './domainFormatDefinitions';

/**
 * The function a CommonJS module exports as `default`: bundlers and Node disagree on whether a
 * default import of one is that function or the whole `exports` object.
 */
function defaultExport<T extends (...args: never[]) => unknown>(imported: T | { default: T }): T {
  return typeof imported === 'function' ? imported : imported.default;
}

const modules: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['ajv/dist/runtime/ucs2length', { default: defaultExport(ucs2length) }],
  ['ajv/dist/runtime/equal', { default: defaultExport(equal) }],
  // ajv-formats names every format through its fullFormats, the domain ones too (createAjv adds them after it).
  ['ajv-formats/dist/formats', { fullFormats: { ...fullFormats, ...domainFormatDefinitions } }],
]);

/**
 * Bumped whenever the generated code or this runtime changes (ajv's options, a new helper such
 * as the linear-time regular expressions): pages ask for the modules of their own revision
 * (`?r=`), so a phone never runs a module it kept from before an upgrade.
 */
export const VALIDATORS_REVISION = 2;

/** Helpers the caller supplies (validatorRequireWith) when a module names them. */
export const LAZY_SPECIFIERS: readonly string[] = ['re2js'];

/** The specifiers a module may name: generated code needing another one is refused when made. */
export const RUNTIME_SPECIFIERS: readonly string[] = [...modules.keys(), ...LAZY_SPECIFIERS];

/** A `require` for served modules: the bundled helpers and `loaded`, the lazy ones the caller has loaded. */
export function validatorRequireWith(loaded: Readonly<Record<string, unknown>>): (specifier: string) => unknown {
  return (specifier) => {
    if (modules.has(specifier)) return modules.get(specifier);
    if (LAZY_SPECIFIERS.includes(specifier) && Object.hasOwn(loaded, specifier)) return loaded[specifier];
    throw new Error(`校验代码需要的模块 ${specifier} 不在运行时中`);
  };
}

/** The bundled helpers only: enough for every module that names no lazy one. */
export const validatorRequire = validatorRequireWith({});
