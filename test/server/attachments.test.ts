// Photos and signatures through HTTP (issue 16), on the store the run names (SQLite by default,
// PostgreSQL with WNBD_TEST_STORE=postgres): real JPEG, PNG and WebP stored once whatever the
// retries and races, checked by their bytes, hash and size as they stream (a 50 MB upload refused
// early, never buffered); a submission refused while its files are missing; and each file shown
// to its uploader and to those who may see a submission that referred to it, through the
// submission's history, a return and a move to a new version, and after a restart.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anotherJpeg, download, image, openVisitCampaign, referenceOf, storedCopies, upload, VISIT_CAMPAIGN, VISIT_FORM_ID, visitForm,
} from '../helpers/attachments';
import { createFixture, type Fixture } from '../helpers/serverFixture';

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
  await openVisitCampaign(f.server, f.admin);
});
afterAll(() => f.server.close());

const MB = 1024 * 1024;

/** A stream of `total` bytes, made only as the reader pulls them: `pulled` tells how far it got. */
function generated(total: number, head = image('gradient.jpg'), chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - state.pulled);
      const bytes = new Uint8Array(size);
      // An image's start, so the type check passes and only the size can stop it.
      if (state.pulled === 0) bytes.set(head.subarray(0, 64));
      state.pulled += size;
      controller.enqueue(bytes);
    },
  });
  return { stream, state };
}

describe('storing a file: PUT /api/attachments/{reference}', () => {
  it('stores a real JPEG, PNG and WebP once: 201, then 200 on a retry, one copy each, served back byte for byte', async () => {
    const before = await storedCopies(f.server);
    for (const [name, extension, type] of [['gradient.jpg', 'jpg', 'image/jpeg'], ['gradient.png', 'png', 'image/png'], ['gradient.webp', 'webp', 'image/webp']] as const) {
      const bytes = image(name);
      const ref = referenceOf(bytes, extension);
      const first = await upload(f.server, f.officer, ref, bytes);
      expect(first, name).toMatchObject({ status: 201, body: { reference: ref, contentType: type, size: bytes.length } });
      expect((await upload(f.server, f.officer, ref, bytes)).status).toBe(200);
      const got = await download(f.server, f.officer, ref);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(bytes)).toBe(true);
      expect(got.headers.get('content-type')).toBe(type);
      expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect((await download(f.server, f.officer, ref, { 'If-None-Match': got.headers.get('etag')! })).status).toBe(304);
    }
    expect(await storedCopies(f.server)).toBe(before + 3);
  });

  it('refuses bytes that do not match their reference (400) and keeps nothing', async () => {
    const before = await storedCopies(f.server);
    const bytes = anotherJpeg(1);
    const wrong = referenceOf(anotherJpeg(2), 'jpg');
    const answer = await upload(f.server, f.officer, wrong, bytes);
    expect(answer).toMatchObject({ status: 400, body: { error: { message: '文件内容与编号不符：文件在传输中损坏或编号算错，请重新上传' } } });
    expect((await download(f.server, f.officer, wrong)).status).toBe(404);
    expect(await storedCopies(f.server)).toBe(before);
  });

  it('refuses what its bytes show is no JPEG, PNG or WebP, or not the type its name says (415)', async () => {
    const gif = image('pixel.gif');
    expect((await upload(f.server, f.officer, referenceOf(gif, 'jpg'), gif)).body.error).toEqual({
      code: 'unsupported_media_type', message: '文件类型不符：编号为 .jpg（JPEG），收到的是gif 文件；只接受 JPEG、PNG、WebP 图片',
    });
    const text = Buffer.from('这不是照片，只是改了扩展名的文本文件\n'.repeat(20));
    expect((await upload(f.server, f.officer, referenceOf(text, 'jpg'), text)).body.error.message).toBe('文件类型不符：编号为 .jpg（JPEG），收到的是无法识别的文件；只接受 JPEG、PNG、WebP 图片');
    const png = image('gradient.png');
    expect((await upload(f.server, f.officer, referenceOf(png, 'webp'), png)).body.error.message).toBe('文件类型不符：编号为 .webp（WebP），收到的是PNG 图片；只接受 JPEG、PNG、WebP 图片');
    const jpeg = anotherJpeg(3);
    expect((await upload(f.server, f.officer, referenceOf(jpeg, 'jpg'), jpeg, '?kind=signature')).body.error).toEqual({ code: 'unsupported_media_type', message: '签字只能是 PNG 图片' });
    expect((await upload(f.server, f.officer, 'house.jpg', jpeg)).status).toBe(400);
  });

  it('refuses a 50 MB upload as soon as it passes 10 MB, without reading the rest or holding it in memory (413)', async () => {
    const ref = `${'a'.repeat(64)}.jpg`;
    // Declared: refused at the door, nothing read.
    const declared = generated(50 * MB);
    const atDoor = await upload(f.server, f.officer, ref, declared.stream, '', { 'Content-Length': String(50 * MB) });
    expect(atDoor).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large', message: '照片过大（上限 10 MB）：请在手机上压缩后重新上传' } } });
    expect(declared.state.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
    // Sent without a length: counted as it streams, stopped just past the limit.
    const heap = process.memoryUsage().heapUsed;
    const streamed = generated(50 * MB);
    expect((await upload(f.server, f.officer, ref, streamed.stream)).status).toBe(413);
    expect(streamed.state.pulled).toBeLessThan(10 * MB + 4 * 64 * 1024);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(30 * MB);
    const signature = generated(2 * MB, image('gradient.png'));
    expect((await upload(f.server, f.officer, `${'b'.repeat(64)}.png`, signature.stream, '?kind=signature')).body.error.message).toBe('签字图片过大（上限 1 MB）：请清除后重新签字');
    expect((await download(f.server, f.officer, ref)).status).toBe(404);
  });

  it('stores one copy when two officers send the same file at once: both told it is stored', async () => {
    const before = await storedCopies(f.server);
    const bytes = anotherJpeg(4);
    const ref = referenceOf(bytes, 'jpg');
    const answers = await Promise.all([upload(f.server, f.officer, ref, bytes), upload(f.server, f.otherOfficer, ref, bytes)]);
    expect(answers.map((a) => a.status).every((s) => s === 200 || s === 201)).toBe(true);
    expect(answers.map((a) => a.status)).toContain(201);
    expect(await storedCopies(f.server)).toBe(before + 1);
  });

  it('takes files only from those who fill forms, logged in, with the CSRF token', async () => {
    const bytes = anotherJpeg(5);
    const ref = referenceOf(bytes, 'jpg');
    expect((await upload(f.server, null, ref, bytes)).status).toBe(401);
    expect((await upload(f.server, f.township, ref, bytes)).body.error.message).toBe('审核员不能填报表单，请使用信息员账号');
    expect((await upload(f.server, { ...f.officer, csrf: 'wrong' } as never, ref, bytes)).body.error.code).toBe('csrf');
  });

  it('tells the phone which of its files are not stored yet (POST /api/attachments/missing)', async () => {
    const stored = referenceOf(image('gradient.png'), 'png');
    const lacking = referenceOf(anotherJpeg(6), 'jpg');
    const answer = await f.officer.post('/api/attachments/missing', { references: [lacking, stored, lacking] });
    expect(answer).toMatchObject({ status: 200, body: { missing: [lacking] } });
    expect((await f.officer.post('/api/attachments/missing', { references: ['house.jpg'] })).status).toBe(400);
  });
});

describe('a submission with files', () => {
  const household = () => f.households.find((h) => h.divisionCode === '500118104201')!.id;
  const save = (body: Record<string, unknown>) => f.officer.post(`/api/forms/${VISIT_FORM_ID}/submissions`, { id: randomUUID(), householdId: household(), campaignId: VISIT_CAMPAIGN, submit: false, ...body });

  it('is refused while a file it refers to is not stored, each field named, nothing written; accepted once uploaded', async () => {
    const photo = anotherJpeg(10);
    const certificate = anotherJpeg(11);
    const [photoRef, certificateRef] = [referenceOf(photo, 'jpg'), referenceOf(certificate, 'jpg')];
    const body = { id: randomUUID(), data: { B1: [photoRef], members: [{ A1: '张德明' }, { A1: '陈小红', A2: certificateRef }] } };
    const before = (await f.officer.get(`/api/forms/${VISIT_FORM_ID}/submissions`)).body.total;
    const refused = await save(body);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('missing_attachments');
    expect(refused.body.error.message).toBe('文件尚未上传，未保存：B1 住房照片：照片尚未上传；A2 残疾证照片（第 2 行）：照片尚未上传。请联网后重新同步');
    expect(refused.body.error.details.missing).toEqual([
      { path: '/B1/0', field: 'B1', code: 'missing_attachment', reference: photoRef, message: 'B1 住房照片：照片尚未上传' },
      { path: '/members/1/A2', field: 'members.A2', code: 'missing_attachment', reference: certificateRef, message: 'A2 残疾证照片（第 2 行）：照片尚未上传' },
    ]);
    expect((await f.officer.get(`/api/submissions/${body.id}`)).status).toBe(404);
    expect((await f.officer.get(`/api/forms/${VISIT_FORM_ID}/submissions`)).body.total).toBe(before);

    expect((await upload(f.server, f.officer, photoRef, photo)).status).toBe(201);
    expect((await save(body)).status).toBe(422);
    expect((await upload(f.server, f.officer, certificateRef, certificate)).status).toBe(201);
    const saved = await save(body);
    expect(saved.status, saved.text).toBe(201);
    expect(saved.body.data.B1).toEqual([photoRef]);
  });

  it('shows its files to reviewers above the village and to administrators, not to another village\'s officer', async () => {
    const photo = anotherJpeg(20);
    const ref = referenceOf(photo, 'jpg');
    await upload(f.server, f.officer, ref, photo);
    // Before any submission refers to it, only its uploader may read it.
    expect((await download(f.server, f.township, ref)).status).toBe(403);
    expect((await save({ data: { B1: [ref] } })).status).toBe(201);
    for (const reader of [f.officer, f.township, f.county, f.admin]) expect((await download(f.server, reader, ref)).bytes.equals(photo)).toBe(true);
    const neighbour = await download(f.server, f.otherOfficer, ref);
    expect(neighbour.status).toBe(403);
    expect(JSON.parse(neighbour.bytes.toString()).error.message).toBe('无权查看此文件：只有上传者和能查看引用它的表的用户可以查看');
    expect((await download(f.server, f.township, `${'c'.repeat(64)}.jpg`)).status).toBe(404);
  });

  it('keeps its files reachable through its history, a return and a move to a new version, and after a restart', async () => {
    const [first, second, signature] = [anotherJpeg(30), anotherJpeg(31), image('gradient.png')];
    const [firstRef, secondRef, signatureRef] = [referenceOf(first, 'jpg'), referenceOf(second, 'jpg'), referenceOf(signature, 'png')];
    for (const [ref, bytes] of [[firstRef, first], [secondRef, second], [signatureRef, signature]] as const) await upload(f.server, f.officer, ref, bytes);
    const created = await save({ data: { B1: [firstRef] } });
    const id = created.body.id;
    // The officer takes the photo again: the first one is in the history only.
    const submitted = await f.officer.put(`/api/submissions/${id}`, { data: { B1: [secondRef], B4: signatureRef }, revision: 1, submit: true });
    expect(submitted.status, submitted.text).toBe(200);
    const returned = await f.township.post(`/api/submissions/${id}/review`, { decision: 'return', comment: '请补拍厨房', revision: 2 });
    expect(returned.status, returned.text).toBe(200);
    const v2 = { ...visitForm, title: '入户核查（测试，第二版）' };
    const { revision } = (await f.admin.put(`/api/forms/${VISIT_FORM_ID}/draft`, { definition: v2, revision: (await f.admin.get(`/api/forms/${VISIT_FORM_ID}/draft`)).body.revision })).body;
    const published = await f.admin.post(`/api/forms/${VISIT_FORM_ID}/publish`, { revision, adopt: [VISIT_CAMPAIGN], moveOpen: true });
    expect(published.status, published.text).toBe(201);
    const moved = (await f.township.get(`/api/submissions/${id}`)).body;
    expect(moved).toMatchObject({ formVersion: 2, status: 'returned', data: { B1: [secondRef], B4: signatureRef } });
    for (const ref of [firstRef, secondRef, signatureRef]) {
      expect((await download(f.server, f.township, ref)).status, ref).toBe(200);
      expect((await download(f.server, f.otherOfficer, ref)).status, ref).toBe(403);
    }

    f.server = await f.server.restart();
    const township = await f.server.login('xiangzhen');
    for (const [ref, bytes] of [[firstRef, first], [secondRef, second], [signatureRef, signature]] as const) {
      expect((await download(f.server, township, ref)).bytes.equals(bytes)).toBe(true);
    }
  });
});
