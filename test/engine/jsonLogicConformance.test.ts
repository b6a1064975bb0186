// JsonLogic's own test suite (test/fixtures/jsonlogic: 277 cases from the JsonLogic project, MIT)
// run on the engine's compiler and on json-logic-js: every case gives the suite's expected value
// in both, except what the engine refuses by design when a definition is checked (a computed var
// path: fields read by a rule must be known before it runs). Names that are not the data's own —
// toString, valueOf, constructor, __proto__ — read as absent (null) in the engine, where
// json-logic-js hands back a function of Object.prototype: data is JSON, so no real field has one.
import jsonLogic from 'json-logic-js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRule, RuleCompileError } from '@engine/rules/compileRule';

type Case = [rule: unknown, data: unknown, expected: unknown];

const suite = JSON.parse(readFileSync(new URL('../fixtures/jsonlogic/tests.json', import.meta.url), 'utf8')) as unknown[];
const cases = suite.filter((entry): entry is Case => Array.isArray(entry));

function engine(rule: unknown, data: unknown): unknown {
  return compileRule(rule)({ data, params: undefined, household: undefined, row: undefined, approval: undefined });
}

const REFUSED_BY_DESIGN = [JSON.stringify({ var: [{ '?:': [{ '<': [{ var: 'temp' }, 110] }, 'pie.filling', 'pie.eta'] }] })];

describe('JsonLogic\'s official test suite', () => {
  it('holds all 277 cases', () => {
    expect(cases).toHaveLength(277);
  });

  it('gives the expected value of every case in json-logic-js and in the engine, but the one refused by design', () => {
    const differing: string[] = [];
    const refused: string[] = [];
    for (const [rule, data, expected] of cases) {
      expect(jsonLogic.apply(rule as jsonLogic.RulesLogic, data), JSON.stringify(rule)).toEqual(expected);
      let value: unknown;
      try {
        value = engine(rule, data);
      } catch (error) {
        if (!(error instanceof RuleCompileError) && !(error instanceof Error && /var 的路径必须是文字/.test(error.message))) throw error;
        refused.push(JSON.stringify(rule));
        continue;
      }
      if (JSON.stringify(value) !== JSON.stringify(expected)) differing.push(`${JSON.stringify(rule)} on ${JSON.stringify(data)}: ${JSON.stringify(value)}`);
    }
    expect(differing).toEqual([]);
    expect(refused).toEqual(REFUSED_BY_DESIGN);
  });

  it('refuses the computed var path with a message an administrator can act on', () => {
    expect(() => compileRule(JSON.parse(REFUSED_BY_DESIGN[0]!))).toThrow('var 的路径必须是文字');
  });
});

describe('names that are not the data\'s own', () => {
  it('read as null in the engine (json-logic-js finds Object.prototype\'s functions)', () => {
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__']) {
      expect(engine({ var: name }, {}), name).toBeNull();
      expect(engine({ var: [name, '缺省'] }, { A1: 1 }), name).toBe('缺省');
      expect(engine({ missing: [name] }, {}), name).toEqual([name]);
    }
    expect(typeof jsonLogic.apply({ var: 'toString' }, {})).toBe('function');
  });

  it('are read when the data really has them', () => {
    expect(engine({ var: 'toString' }, JSON.parse('{"toString":"文字"}'))).toBe('文字');
  });
});
