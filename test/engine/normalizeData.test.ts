import { afterEach, describe, expect, it } from 'vitest';
import { buildFieldIndex, compileForm } from '@engine';
import { buildNormalizer, childMap } from '@engine/normalizeData';
import { loadForm } from '../helpers/forms';
import { randomFormData, seededRandom } from '../helpers/randomData';

const definition = loadForm('monitoring-object');
const children = childMap(buildFieldIndex(definition.schema));
const realFunction = globalThis.Function;

afterEach(() => {
  globalThis.Function = realFunction;
});

describe('normalizing submitted data', () => {
  it('trims full-width and ordinary spaces and treats blanks as not filled', () => {
    const normalize = buildNormalizer(children);
    expect(normalize({ address: '　重庆市永川区临江镇高滩村3组 ', phone: '   ', A2: '\u3000' })).toEqual({ address: '重庆市永川区临江镇高滩村3组' });
  });

  it('copies only the schema\'s own fields, never a prototype\'s member', () => {
    const normalize = buildNormalizer(children);
    const input = JSON.parse('{"A28": 1, "junk": 2, "__proto__": {"polluted": true}, "members": [{"A5": "甲", "constructor": 1}]}');
    expect(normalize(input)).toEqual({ A28: 1, members: [{ A5: '甲' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies the same without generated code, as under a strict Content-Security-Policy', () => {
    const generated = buildNormalizer(children);
    globalThis.Function = function refused() {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    } as unknown as FunctionConstructor;
    const looped = buildNormalizer(children);
    globalThis.Function = realFunction;
    const random = seededRandom(11643);
    for (let n = 0; n < 300; n++) {
      const data = randomFormData(definition, random, 6);
      expect(looped(data)).toEqual(generated(data));
    }
  });

  it('is what evaluate copies', () => {
    const form = compileForm(definition);
    expect(form.normalize({ A28: ' 12 ', members: [{ A5: ' 张德明 ' }] })).toEqual({ A28: ' 12 '.trim(), members: [{ A5: '张德明' }] });
  });
});
