import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  compileForm, evaluateCompiled, formValidatorSource, precompiledForm, fullValidatorRequire,
  type CompiledForm, type FormDefinition, type FormValidators,
} from '@engine';
import { loadCampaign, loadCases, loadForm } from '../helpers/forms';
import { randomFormData, seededRandom } from '../helpers/randomData';
import { defineForm, text } from '../helpers/defineForm';

const FORMS = ['poverty-identification', 'member-additions', 'member-removals', 'monitoring-object', 'income-ledger', 'lookback', 'policy-exit', 'risk-elimination'];

/** The standalone code run as a browser runs the served module: its helpers from fullValidatorRequire, nothing compiled. */
function loadValidators(source: string): FormValidators {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', source)(module, module.exports, fullValidatorRequire);
  return { form: module.exports as FormValidators['form'] };
}

/** The same definition twice, one compiled by ajv and one from its standalone code (a copy: the compiled form is cached per object). */
function bothWays(definition: FormDefinition): [CompiledForm, CompiledForm] {
  const copy = structuredClone(definition);
  return [compileForm(definition), precompiledForm(copy, loadValidators(formValidatorSource(copy.schema)))];
}

afterEach(() => vi.restoreAllMocks());

describe('precompiledForm', () => {
  it('evaluates and validates a form without turning any code into a function, as a page under CSP must', () => {
    const definition = structuredClone(loadForm('monitoring-object'));
    const validators = loadValidators(formValidatorSource(definition.schema));
    const refused: unknown[] = [];
    vi.spyOn(globalThis, 'Function').mockImplementation(function refuse(...args: unknown[]) {
      refused.push(args);
      throw new EvalError('Refused to evaluate a string as JavaScript');
    } as never);
    const form = precompiledForm(definition, validators);
    const result = evaluateCompiled(form, randomFormData(definition, seededRandom(7)), { params: loadCampaign('2021').parameters });
    expect(result.errors.length).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });

  for (const id of FORMS) {
    it(`reports exactly the issues of ajv's compiled validator on ${id}'s shipped cases and random data`, () => {
      const [compiled, precompiled] = bothWays(loadForm(id));
      const params = loadCampaign('2021').parameters;
      const samples = [
        ...loadCases(id).map((c) => ({ data: c.data, context: { params: { ...params, ...c.params }, household: c.household ?? null } })),
        ...Array.from({ length: 40 }, (_, i) => ({ data: randomFormData(loadForm(id), seededRandom(i + 1)), context: { params, household: null } })),
      ];
      let invalid = 0;
      for (const { data, context } of samples) {
        const want = evaluateCompiled(compiled, data, context);
        const got = evaluateCompiled(precompiled, data, context);
        expect(got).toEqual(want);
        if (want.errors.some((e) => !e.code.startsWith('rule:'))) invalid += 1;
      }
      // The samples reach the schema's own checks (types, formats, lengths), not only the rules.
      expect(invalid).toBeGreaterThan(0);
    });
  }

  it('builds a published version without running the definition checks again, evaluating exactly as a checked build', () => {
    const params = loadCampaign('2021').parameters;
    for (const id of FORMS) {
      const copy = structuredClone(loadForm(id));
      const validators = loadValidators(formValidatorSource(copy.schema));
      const checkedAgain = precompiledForm(copy, validators);
      const published = precompiledForm(structuredClone(copy), validators, { checked: true });
      for (let i = 0; i < 10; i++) {
        const data = randomFormData(copy, seededRandom(i + 100));
        expect(evaluateCompiled(published, data, { params, household: null })).toEqual(evaluateCompiled(checkedAgain, data, { params, household: null }));
      }
    }
    // The checks are skipped: a layout naming a field the form lacks is refused only when they run.
    const definition = { ...defineForm({ name: text('户主姓名') }), sections: [{ id: 'a', title: '一、基本信息', fields: ['name', 'nosuch'] }] };
    const validators = loadValidators(formValidatorSource(definition.schema));
    expect(() => precompiledForm(structuredClone(definition), validators)).toThrow();
    expect(precompiledForm(structuredClone(definition), validators, { checked: true }).index.fields.has('name')).toBe(true);
  });

  it('checks formats, lengths and patterns with the same Chinese messages', () => {
    const definition = defineForm({
      id: { ...text('A7 身份证号码'), format: 'resident-id' },
      code: { ...text('B1 编码'), pattern: '^[0-9]{4}$', maxLength: 4 },
      day: { ...text('B2 日期'), format: 'date' },
    });
    const [compiled, precompiled] = bothWays(definition);
    const data = { id: '500118196503120011', code: '12a45', day: '2021-02-30' };
    const want = evaluateCompiled(compiled, data);
    expect(want.errors.map((e) => e.path).sort()).toEqual(['/code', '/code', '/day', '/id']);
    expect(evaluateCompiled(precompiled, data)).toEqual(want);
  });

  it('generates code that takes every helper from the runtime it is given, never from a module of its own', () => {
    const source = formValidatorSource(loadForm('monitoring-object').schema);
    expect(source).not.toMatch(/\bimport\b/);
    const asked = new Set<string>();
    const module = { exports: {} };
    new Function('module', 'exports', 'require', source)(module, module.exports, (s: string) => {
      asked.add(s);
      return fullValidatorRequire(s);
    });
    expect([...asked].sort()).toEqual(['ajv-formats/dist/formats', 'ajv/dist/runtime/ucs2length']);
  });
});
