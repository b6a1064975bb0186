// Photos, signatures and locations as field types (issue 16): a photo or signature is the SHA-256
// of its bytes with its type, a location a geo URI; the engine validates them like any field,
// rules read them (双签字确认 unless 电话访谈, 004), and attachmentsIn lists every file a
// submission needs stored, tables included.
import { describe, expect, it } from 'vitest';
import { attachmentsIn, buildFieldIndex, evaluate, evidenceKind, formatLocation, parseLocation, type JsonSchema } from '@engine';
import { defineForm, table, text, yesNo } from '../helpers/defineForm';

// The SHA-256 of the ASCII bytes "abc" (FIPS 180-2, appendix B.1) and of the empty input.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const visit = defineForm(
  {
    B1: { type: 'array', title: 'B1 住房照片', items: { type: 'string', format: 'photo' }, maxItems: 3 },
    B2: { type: 'string', format: 'location', title: 'B2 家庭位置' },
    B3: yesNo('B3 电话访谈（未入户）'),
    B4: { type: 'string', format: 'signature', title: 'B4 户主签字' },
    B5: { type: 'string', format: 'signature', title: 'B5 信息采集员签字' },
    members: table('家庭成员', { A1: text('A1 姓名'), A2: { type: 'string', format: 'photo', title: 'A2 残疾证照片' } }, ['A1']),
  },
  {
    validations: [
      { id: 'head-signs', field: 'B4', assert: { or: [{ '==': [{ var: 'B3' }, true] }, { '!!': { var: 'B4' } }] }, message: '入户采集须由户主签字确认（双签字确认）' },
      { id: 'officer-signs', field: 'B5', assert: { '!!': { var: 'B5' } }, message: '须由信息采集员签字确认' },
      { id: 'house-photo', field: 'B1', assert: { or: [{ '==': [{ var: 'B3' }, true] }, { '>': [{ count: { var: 'B1' } }, 0] }] }, message: '入户采集须拍摄住房照片' },
    ],
  },
  { required: ['B3'] },
);

const messagesOf = (data: Record<string, unknown>) => Object.fromEntries(evaluate(visit, data).errors.map((e) => [e.path, e.message]));

describe('photo, signature and location fields', () => {
  it('accepts a visit with photos, both signatures and a position, and lists the files it needs', () => {
    const data = {
      B1: [`${ABC}.jpg`, `${EMPTY}.webp`], B2: 'geo:29.356212,105.927310;u=12;t=2026-12-07T02:15:00Z', B3: false,
      B4: `${ABC}.png`, B5: `${EMPTY}.png`, members: [{ A1: '张德明', A2: `${ABC}.jpg` }, { A1: '陈小红' }],
    };
    expect(evaluate(visit, data).errors).toEqual([]);
    const uses = attachmentsIn(buildFieldIndex(visit.schema), data);
    expect(uses.map((u) => [u.pointer, u.kind, u.sha256, u.extension])).toEqual([
      ['/B1/0', 'photo', ABC, 'jpg'], ['/B1/1', 'photo', EMPTY, 'webp'],
      ['/B4', 'signature', ABC, 'png'], ['/B5', 'signature', EMPTY, 'png'],
      ['/members/0/A2', 'photo', ABC, 'jpg'],
    ]);
  });

  it('requires both signatures and a house photo for a visit, the officer\'s alone for a phone interview', () => {
    expect(messagesOf({ B3: false })).toMatchObject({
      '/B4': '入户采集须由户主签字确认（双签字确认）', '/B5': '须由信息采集员签字确认', '/B1': '入户采集须拍摄住房照片',
    });
    const phone = messagesOf({ B3: true });
    expect(phone).toEqual({ '/B5': '须由信息采集员签字确认' });
  });

  it('refuses what is not a stored file of the right type, naming the field in Chinese', () => {
    const messages = messagesOf({ B3: true, B1: ['house.jpg', `${ABC}.gif`], B4: `${ABC}.jpg`, B5: `${ABC.toUpperCase()}.png`, B2: '29.35,105.92' });
    expect(messages['/B1/0']).toBe('B1 住房照片：应为已保存的照片（文件的 SHA-256 和类型，如 3f7a…c2.jpg）');
    expect(messages['/B1/1']).toBe('B1 住房照片：照片只能是 jpg、png、webp 文件');
    expect(messages['/B4']).toBe('B4 户主签字：签字只能是 png 文件');
    expect(messages['/B5']).toMatch(/^B5 信息采集员签字：应为已保存的签字/);
    expect(messages['/B2']).toBe('B2 家庭位置：应为位置（纬度,经度，如 geo:29.351234,105.894321;u=12）');
  });

  it('holds at most the photos the field allows', () => {
    expect(messagesOf({ B3: true, B5: `${ABC}.png`, B1: [`${ABC}.jpg`, `${ABC}.jpg`, `${ABC}.jpg`, `${ABC}.jpg`] })['/B1']).toMatch(/B1 住房照片.*3/);
  });
});

describe('locations', () => {
  it('reads and writes a geo URI with accuracy, time and source, 永川区 as the phone reports it', () => {
    const fix = { latitude: 29.3562124, longitude: 105.9273101, accuracy: 11.6, at: '2026-12-07T02:15:00Z', manual: false };
    const text = formatLocation(fix);
    expect(text).toBe('geo:29.356212,105.927310;u=12;t=2026-12-07T02:15:00Z');
    expect(parseLocation(text)).toEqual({ latitude: 29.356212, longitude: 105.92731, accuracy: 12, at: '2026-12-07T02:15:00Z', manual: false });
    expect(parseLocation('geo:29.356212,105.927310;src=manual')).toMatchObject({ manual: true, accuracy: null, at: null });
  });

  it('refuses a position off the globe or a parameter it does not know', () => {
    expect(parseLocation('geo:91,105')).toBeNull();
    expect(parseLocation('geo:29,181')).toBeNull();
    expect(parseLocation('geo:29.35,105.92;crs=wgs84')).toBeNull();
    expect(parseLocation('geo:29.35,105.92;t=yesterday')).toBeNull();
  });

  it('tells each kind of evidence field from its schema', () => {
    const fields = visit.schema.properties as Record<string, JsonSchema>;
    expect(evidenceKind(fields.B1!)).toBe('photo');
    expect(evidenceKind(fields.B2!)).toBe('location');
    expect(evidenceKind(fields.B4!)).toBe('signature');
    expect(evidenceKind({ type: 'string', format: 'date' })).toBeNull();
  });
});
