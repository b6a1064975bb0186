// The regular-expression engine ajv runs an administrator's `pattern` (and patternProperties)
// with: RE2 semantics through re2js, in linear time in the length of the value, the same in the
// browser and in Node. A pattern with backreferences or lookaround cannot be run this way;
// checkDefinition refuses it before publishing (patternProblems), so JavaScript's backtracking
// engine never meets an administrator's pattern (`^(a+)+$` on 30 characters took seconds).
//
// The factory is ajv's `code.regExp` option. For ajv's standalone code generation it carries
// `.code`, a self-contained expression building the same factory from re2js, so precompiled
// validator modules need nothing from this repository but the re2js package.
import { RE2JS } from 're2js';

interface LinearRegExpLike {
  test(value: string): boolean;
  toString(): string;
}

type Re2 = typeof RE2JS;

/** Builds the factory from re2js. */
function linearRegExpFrom(re2: Re2) {
  return (pattern: string, flags: string): LinearRegExpLike => {
    const compiled = re2.compile(re2.translateRegExp(pattern));
    return {
      test: (value: string) => compiled.test(value),
      // ajv keys compiled patterns by this string: it must differ between patterns.
      toString: () => `/${pattern}/${flags}`,
    };
  };
}

/**
 * linearRegExpFrom as plain JavaScript, for standalone modules (a function's own source is not
 * usable: bundlers add helpers to it). test/engine/linearRegExp.test.ts runs both on the same patterns.
 */
const STANDALONE_CODE = '((re2) => (pattern, flags) => { const compiled = re2.compile(re2.translateRegExp(pattern)); '
  // biome-ignore lint/suspicious/noTemplateCurlyInString: this string is JavaScript source for the standalone module; its template literal runs there.
  + 'return { test: (value) => compiled.test(value), toString: () => `/${pattern}/${flags}` }; })(require("re2js").RE2JS)';

export type LinearRegExpEngine = ((pattern: string, flags: string) => LinearRegExpLike) & { code: string };

/** ajv's `code.regExp`: compiles a pattern for RE2JS; throws on what RE2 cannot run. */
export const linearRegExp: LinearRegExpEngine = Object.assign(linearRegExpFrom(RE2JS), {
  code: STANDALONE_CODE,
});

/** Why a pattern cannot run in linear time (backreference, lookaround, bad syntax), in Chinese; null when it can. */
export function linearPatternProblem(pattern: string): string | null {
  try {
    linearRegExp(pattern, 'u');
    return null;
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^error parsing regexp:\s*/, '') : String(e);
    return `正则表达式 "${pattern}" 无法使用：只支持不含反向引用（\\1）和前后查找（(?=…)、(?<=…)）的写法（${detail}）`;
  }
}
