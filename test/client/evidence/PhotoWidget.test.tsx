// The photo field as an officer uses it: a picture from the camera is compressed (the library is
// stood in for: jsdom has no canvas), made EXIF-free, kept on the phone under its SHA-256 and put
// in the form; several up to maxItems; removed again.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../client/offline/db';
import { getFile } from '../../../client/offline/files';
import { containsText, JPEG_WITH_GPS, sha256Of } from './images';
import { evidenceForm, renderEvidence } from './renderEvidence';

const compression = vi.hoisted(() => ({
  calls: [] as { file: File; options: Record<string, unknown> }[], output: null as Uint8Array<ArrayBuffer> | null, failure: null as Error | null,
}));
vi.mock('browser-image-compression', () => ({
  default: async (file: File, options: Record<string, unknown>) => {
    compression.calls.push({ file, options });
    if (compression.failure) throw compression.failure;
    // What the library hands back: a JPEG (here one still carrying a camera's EXIF GPS block).
    return new File([compression.output ?? JPEG_WITH_GPS], file.name, { type: 'image/jpeg' });
  },
}));

const HOUSE = { type: 'string', format: 'photo', title: 'B1 住房照片' } as const;
const DOCUMENTS = { type: 'array', items: { type: 'string', format: 'photo' }, maxItems: 2, title: 'B2 证件照片' } as const;

function camera(name = 'IMG_0001.jpg') {
  return new File([JPEG_WITH_GPS], name, { type: 'image/jpeg' });
}

beforeEach(async () => {
  compression.calls = [];
  compression.output = null;
  compression.failure = null;
  await (await db()).clear('files');
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:local-photo'), revokeObjectURL: vi.fn() }));
});
afterEach(() => vi.unstubAllGlobals());

describe('the photo field', () => {
  it('compresses a camera photo to the definition\'s size and quality as JPEG, and keeps it EXIF-free under its SHA-256', async () => {
    const { session } = renderEvidence(evidenceForm({ B1: HOUSE }, { B1: { 'ui:options': { maxSide: 1200, quality: 0.6 } } }));
    const input = screen.getByLabelText('拍照') as HTMLInputElement;
    expect(input).toHaveAttribute('capture', 'environment');
    expect(input).toHaveAttribute('accept', 'image/*');
    fireEvent.change(input, { target: { files: [camera()] } });
    await waitFor(() => expect(session.data().B1).toBeDefined());

    expect(compression.calls[0]!.options).toMatchObject({ maxWidthOrHeight: 1200, initialQuality: 0.6, fileType: 'image/jpeg', useWebWorker: false });
    const reference = session.data().B1 as string;
    const kept = await getFile(reference);
    const bytes = new Uint8Array(kept!.bytes);
    expect(kept!.contentType).toBe('image/jpeg');
    expect(containsText(bytes, 'Exif')).toBe(false);
    expect(reference).toBe(`${await sha256Of(bytes)}.jpg`);
    expect(await screen.findByRole('img', { name: '照片 1' })).toHaveAttribute('src', 'blob:local-photo');
  });

  it('uses 1600 px and quality 0.75 when the definition says nothing', async () => {
    const { session } = renderEvidence(evidenceForm({ B1: HOUSE }));
    fireEvent.change(screen.getByLabelText('从相册选择'), { target: { files: [camera()] } });
    await waitFor(() => expect(session.data().B1).toBeDefined());
    expect(compression.calls[0]!.options).toMatchObject({ maxWidthOrHeight: 1600, initialQuality: 0.75 });
  });

  it('takes several photos up to maxItems, says so past it, and removes one', async () => {
    const { session } = renderEvidence(evidenceForm({ B2: DOCUMENTS }));
    compression.output = JPEG_WITH_GPS;
    fireEvent.change(screen.getByLabelText('拍照'), { target: { files: [camera('a.jpg')] } });
    await waitFor(() => expect(session.data().B2).toHaveLength(1));
    compression.output = Uint8Array.from([...JPEG_WITH_GPS, 0]);
    const third = Uint8Array.from([...JPEG_WITH_GPS, 0, 0]);
    fireEvent.change(screen.getByLabelText('从相册选择'), { target: { files: [camera('b.jpg'), new File([third], 'c.jpg', { type: 'image/jpeg' })] } });
    await waitFor(() => expect(session.data().B2).toHaveLength(2));
    expect(screen.getAllByText('最多 2 张照片').length).toBeGreaterThan(0);
    expect(screen.getByLabelText('拍照')).toBeDisabled();

    const [first, second] = session.data().B2 as string[];
    expect(first).not.toBe(second);
    fireEvent.click(screen.getByRole('button', { name: '删除照片 1' }));
    expect(session.data().B2).toEqual([second]);
    fireEvent.click(screen.getByRole('button', { name: '删除照片 1' }));
    expect(session.data().B2).toBeUndefined();
  });

  it('says the photo could not be processed, and keeps nothing, when compression fails', async () => {
    const { session } = renderEvidence(evidenceForm({ B1: HOUSE }));
    compression.failure = new Error('图片无法读取');
    fireEvent.change(screen.getByLabelText('拍照'), { target: { files: [new File(['not a picture'], 'x.heic', { type: 'image/heic' })] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('照片处理失败，请重试（图片无法读取）');
    expect(session.data().B1).toBeUndefined();
  });

  it('shows photos read-only as thumbnails, from the server when the phone has no copy, full size on tap', async () => {
    const reference = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.jpg';
    renderEvidence(evidenceForm({ B1: HOUSE }), { B1: reference }, { readOnlyView: true });
    expect(screen.queryByLabelText('拍照')).toBeNull();
    const thumb = await screen.findByRole('img', { name: '照片 1' });
    await waitFor(() => expect(thumb).toHaveAttribute('src', `/api/attachments/${reference}`));
    fireEvent.click(screen.getByRole('button', { name: '查看照片 1 大图' }));
    const dialog = screen.getByRole('dialog', { name: '照片 1' });
    await waitFor(() => expect(within(dialog).getByRole('img')).toHaveAttribute('src', `/api/attachments/${reference}`));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '关闭' })));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
