// The focused field's ring, as the stylesheet draws it: nothing of the errors' red, so a field being
// typed in never looks refused; a refused field keeps its red border while focused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../client/styles/app.css'), 'utf8');
const variables = new Map([...css.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
const resolve = (value: string) => value.replace(/var\(--([\w-]+)\)/g, (_, name: string) => variables.get(name) ?? '');
const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)].map((m) => ({ selector: m[1]!.trim(), body: resolve(m[2]!) }));
const ruleOf = (pattern: RegExp) => rules.filter((r) => pattern.test(r.selector));

/** The red channel dominates: the errors' colours (#b71c1c, #c62828, rgba(183, 28, 28, …)). */
function reddish(colour: string): boolean {
  const hex = /#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(colour);
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  const [r, g, b] = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb ? rgb.slice(1).map(Number) : [0, 0, 0];
  return r! > 150 && g! < 100 && b! < 100;
}

describe('the focus ring', () => {
  it('is drawn for every field, in no colour of the errors', () => {
    const [focus] = ruleOf(/input:focus/);
    expect(focus!.selector).toMatch(/select:focus/);
    expect(focus!.selector).toMatch(/textarea:focus/);
    const colours = [...focus!.body.matchAll(/(#[0-9a-f]{6}|rgba?\([^)]*\))/gi)].map((m) => m[1]!);
    expect(colours.length).toBeGreaterThan(0);
    expect(colours.filter(reddish)).toEqual([]);
  });

  it('leaves a refused field\'s red border, declared after it, in place while focused', () => {
    const focusAt = rules.findIndex((r) => /input:focus/.test(r.selector));
    const invalidAt = rules.findIndex((r) => /input\[aria-invalid="true"\]/.test(r.selector));
    expect(invalidAt).toBeGreaterThan(focusAt);
    expect(reddish(rules[invalidAt]!.body)).toBe(true);
  });
});
