// The signature field: drawn on the pad (signature_pad needs a real canvas, which jsdom lacks, so
// a stand-in plays the pad: it is empty until a stroke, and gives the drawing as a PNG data URL),
// confirmed into a PNG kept on the phone under its SHA-256, shown with who signs, signed again.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../client/offline/db';
import { getFile } from '../../../client/offline/files';
import { PNG, sha256Of } from './images';
import { evidenceForm, renderEvidence } from './renderEvidence';

const pads = vi.hoisted(() => ({ last: null as null | { stroke(): void } }));
vi.mock('signature_pad', () => ({
  default: class FakePad {
    private strokes = 0;
    private listeners = new Map<string, () => void>();
    constructor(readonly canvas: HTMLCanvasElement) {
      pads.last = this;
    }
    addEventListener(type: string, listener: () => void) {
      this.listeners.set(type, listener);
    }
    /** The test's finger on the screen. */
    stroke() {
      this.listeners.get('beginStroke')?.();
      this.strokes += 1;
    }
    isEmpty() {
      return this.strokes === 0;
    }
    clear() {
      this.strokes = 0;
    }
    toDataURL(type: string) {
      if (type !== 'image/png') throw new Error('PNG only here');
      return `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`;
    }
    off() {}
  },
}));

const HEAD = { type: 'string', format: 'signature', title: 'E1 户主签字' } as const;

beforeEach(async () => {
  await (await db()).clear('files');
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:local-signature'), revokeObjectURL: vi.fn() }));
});
afterEach(() => vi.unstubAllGlobals());

describe('the signature field', () => {
  it('asks for a signature before confirming, then keeps the drawing as a PNG named by its SHA-256', async () => {
    const { session } = renderEvidence(evidenceForm({ E1: HEAD }, { E1: { 'ui:options': { signer: 'household' } } }));
    expect(screen.getByLabelText('户主签字：请在框内签字').tagName).toBe('CANVAS');
    fireEvent.click(screen.getByRole('button', { name: '确认签字' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请先在框内签字');
    expect(session.data().E1).toBeUndefined();

    pads.last!.stroke();
    fireEvent.click(screen.getByRole('button', { name: '确认签字' }));
    await waitFor(() => expect(session.data().E1).toBeDefined());
    const reference = session.data().E1 as string;
    expect(reference).toBe(`${await sha256Of(PNG)}.png`);
    const kept = await getFile(reference);
    expect(kept?.contentType).toBe('image/png');
    expect(Array.from(new Uint8Array(kept!.bytes))).toEqual(Array.from(PNG));
    expect(await screen.findByRole('img', { name: '户主签字' })).toHaveAttribute('src', 'blob:local-signature');
  });

  it('clears the pad with 清除, and 重新签字 takes the signature away to sign again', async () => {
    const { session } = renderEvidence(evidenceForm({ E1: HEAD }, { E1: { 'ui:options': { signer: 'officer' } } }));
    pads.last!.stroke();
    fireEvent.click(screen.getByRole('button', { name: '清除' }));
    fireEvent.click(screen.getByRole('button', { name: '确认签字' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请先在框内签字');
    pads.last!.stroke();
    fireEvent.click(screen.getByRole('button', { name: '确认签字' }));
    await screen.findByRole('img', { name: '信息采集员签字' });
    fireEvent.click(screen.getByRole('button', { name: '重新签字' }));
    expect(session.data().E1).toBeUndefined();
    expect(screen.getByLabelText('信息采集员签字：请在框内签字')).toBeInTheDocument();
  });

  it('shows a signature read-only as its image, from the server when the phone has no copy', async () => {
    const reference = `${'c'.repeat(64)}.png`;
    renderEvidence(evidenceForm({ E1: HEAD }, { E1: { 'ui:options': { signer: 'household' } } }), { E1: reference }, { readOnlyView: true });
    const image = await screen.findByRole('img', { name: '户主签字' });
    await waitFor(() => expect(image).toHaveAttribute('src', `/api/attachments/${reference}`));
    expect(screen.queryByRole('button', { name: '重新签字' })).toBeNull();
  });
});
