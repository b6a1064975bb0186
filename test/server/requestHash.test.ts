// The fingerprint that tells a retry from a conflict: equal for equal content whatever the key
// order, different for any change, and stable across versions (fingerprints are stored, and a
// retry may arrive after an upgrade).
import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from '../../server/submissions/requestHash';

const body = {
  id: '0b6f7c1e-3c1a-4d5e-9f1a-2b3c4d5e6f70', formId: 'monitoring-object', householdId: null, submit: true,
  data: { members: [{ name: '张德明', idNumber: '500118196503120011' }], A28: 12000 },
};

describe('requestHash', () => {
  it('is the SHA-256 of the body with its keys sorted at every depth, as stored by earlier versions', () => {
    expect(requestHash(body)).toBe('71526aa00f90f76644dfee786acb56b16d2d7ba56606403ab42b54465db56c67');
  });

  it('is the same when a client writes the keys in another order, at any depth', () => {
    const reordered = JSON.parse('{"submit":true,"data":{"A28":12000,"members":[{"idNumber":"500118196503120011","name":"张德明"}]},"householdId":null,"formId":"monitoring-object","id":"0b6f7c1e-3c1a-4d5e-9f1a-2b3c4d5e6f70"}');
    expect(requestHash(reordered)).toBe(requestHash(body));
  });

  it('changes with any value, a row or a member field', () => {
    const hash = requestHash(body);
    expect(requestHash({ ...body, data: { ...body.data, A28: 12001 } })).not.toBe(hash);
    expect(requestHash({ ...body, submit: false })).not.toBe(hash);
    expect(requestHash({ ...body, data: { ...body.data, members: [...body.data.members, { name: '李秀兰' }] } })).not.toBe(hash);
  });

  it('counts keys named __proto__ or constructor as content, and index-like keys in either order', () => {
    const a = JSON.parse('{"data":{"__proto__":{"x":1},"constructor":2,"10":"a","9":"b"}}');
    const b = JSON.parse('{"data":{"9":"b","10":"a","constructor":2,"__proto__":{"x":1}}}');
    const c = JSON.parse('{"data":{"__proto__":{"x":2},"constructor":2,"10":"a","9":"b"}}');
    expect(requestHash(a)).toBe(requestHash(b));
    expect(requestHash(a)).not.toBe(requestHash(c));
  });

  it('writes a value nested 20,000 deep without running out of stack, keys sorted as at any depth', () => {
    let deep: unknown = { b: [1, undefined], a: 'x' };
    for (let i = 0; i < 20_000; i++) deep = i % 2 ? [deep] : { z: 1, y: deep };
    let expected = '{"a":"x","b":[1,null]}';
    for (let i = 0; i < 20_000; i++) expected = i % 2 ? `[${expected}]` : `{"y":${expected},"z":1}`;
    expect(canonicalJson(deep)).toBe(expected);
    expect(requestHash(deep)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the same text by hand (deep or with index-like keys) as through JSON.stringify', () => {
    const shallow = { data: { b: [{ d: 1, c: null }], a: '张' }, id: 'x' };
    let nested: unknown = shallow;
    const wrapped = { '0': 'index-like', rest: shallow };
    for (let i = 0; i < 150; i++) nested = [nested];
    const text = canonicalJson(shallow);
    expect(text).toBe('{"data":{"a":"张","b":[{"c":null,"d":1}]},"id":"x"}');
    expect(canonicalJson(nested)).toBe(`${'['.repeat(150)}${text}${']'.repeat(150)}`);
    expect(canonicalJson(wrapped)).toBe(`{"0":"index-like","rest":${text}}`);
  });
});
