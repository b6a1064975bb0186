import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDefinition, checkSchema, compileSchema } from '@engine';
import { defineForm, money } from '../helpers/defineForm';
import { loadForm } from '../helpers/forms';

afterEach(() => vi.restoreAllMocks());

/** Fails on any code turned into a function, as a page whose CSP has no 'unsafe-eval' does. */
function forbidEval(): void {
  vi.spyOn(globalThis, 'Function').mockImplementation(function refuse() {
    throw new EvalError('Refused to evaluate a string as JavaScript');
  } as never);
}

const broken = defineForm({ A28: { ...money('A28 工资性收入（元）'), minimun: 0 } as never });

describe('checkSchema (the form builder\'s check of a draft)', () => {
  it('refuses a schema typo as compiling it does, evaluating no code', () => {
    expect(() => compileSchema(broken.schema)).toThrow(/unknown keyword: "minimun"/);
    forbidEval();
    expect(() => checkSchema(broken.schema)).toThrow(/unknown keyword: "minimun"/);
  });

  it('gives the definition checker the same problem at /schema', () => {
    const compiled = checkDefinition(broken).filter((p) => p.path === '/schema');
    expect(compiled[0]!.message).toMatch(/JSON Schema 无效.*minimun/);
    expect(checkDefinition(broken, checkSchema).filter((p) => p.path === '/schema')).toEqual(compiled);
  });

  it('passes a shipped form, evaluating no code', () => {
    const schema = loadForm('income-ledger').schema;
    forbidEval();
    expect(checkSchema(schema)).toBeNull();
    expect(() => compileSchema(schema)).toThrow(EvalError);
  });
});
