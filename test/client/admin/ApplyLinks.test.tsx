// The administrator's application links against a stand-in server: each registered county's link
// to /apply/<code> with its QR code drawn in the page. The picture is checked module by module
// against the `qrcode` package's matrix for that very link (and differs from a neighbour county's),
// and read independently where the standard makes it easy: the three finder patterns, the timing
// rows, and the format information (both copies, BCH-checked) saying error correction level M.
import { fireEvent, render, screen } from '@testing-library/react';
import { create } from 'qrcode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { ApplyLinks } from '../../../client/pages/admin/ApplyLinks';
import { qrSvgFile } from '../../../client/pages/admin/ApplyQrCode';
import { mockServer, type MockServer } from './mockServer';

let server: MockServer;
beforeEach(() => {
  server = mockServer();
  server.on('GET', '/api/divisions', () => ({ items: [
    { code: '500118', name: '永川区', parentCode: null },
    { code: '500118104', name: '临江镇', parentCode: '500118' },
    { code: '500151', name: '铜梁区', parentCode: null },
  ] }));
});
afterEach(() => server.restore());

/** The dark modules an SVG path of unit squares ("M x y h1v1h-1z") draws, as "x,y" without the 4-module quiet zone. */
function darkModules(path: string): Set<string> {
  return new Set([...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[1]) - 4},${Number(m[2]) - 4}`));
}

/** GB/T 18284 (ISO/IEC 18004) format information: 5 data bits, 10 BCH bits, XOR 101010000010010. */
function formatInformation(dark: (x: number, y: number) => boolean, size: number) {
  const bit = (b: boolean) => (b ? 1 : 0);
  let vertical = 0;
  let horizontal = 0;
  for (let i = 0; i < 15; i++) {
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    vertical |= bit(dark(8, row)) << i;
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    horizontal |= bit(dark(col, 8)) << i;
  }
  const bits = vertical ^ 0b101010000010010;
  const data = bits >> 10;
  let bch = data << 10;
  while (bch.toString(2).length >= 11) bch ^= 0b10100110111 << (bch.toString(2).length - 11);
  return { vertical, horizontal, bchValid: ((data << 10) | bch) === bits, errorCorrection: (['M', 'L', 'H', 'Q'] as const)[data >> 3], mask: data & 7 };
}

describe('the application links', () => {
  it('draws each county\'s link as a QR code of that very link', async () => {
    render(<SessionProvider><ApplyLinks /></SessionProvider>);
    const url = `${window.location.origin}/apply/500118`;
    expect(await screen.findByRole('link', { name: url })).toHaveAttribute('href', url);
    const svg = screen.getByRole('img', { name: `永川区申请链接 ${url} 的二维码` });
    const dark = darkModules(svg.querySelector('path')!.getAttribute('d')!);

    const expected = create(url, { errorCorrectionLevel: 'M' }).modules;
    const size = expected.size;
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${size + 8} ${size + 8}`);
    const fromLibrary = new Set<string>();
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (expected.data[y * size + x]) fromLibrary.add(`${x},${y}`);
    expect(dark).toEqual(fromLibrary);
    const other = screen.getByRole('img', { name: /铜梁区/ });
    expect(darkModules(other.querySelector('path')!.getAttribute('d')!)).not.toEqual(dark);

    // Read without the library: a QR symbol, its format information intact, error correction M.
    const at = (x: number, y: number) => dark.has(`${x},${y}`);
    for (const [ox, oy] of [[0, 0], [size - 7, 0], [0, size - 7]] as const) {
      for (let y = 0; y < 7; y++) {
        for (let x = 0; x < 7; x++) {
          const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
          expect(at(ox + x, oy + y), `finder at ${ox},${oy}`).toBe(ring !== 2);
        }
      }
    }
    for (let i = 8; i < size - 8; i++) {
      expect(at(i, 6)).toBe(i % 2 === 0);
      expect(at(6, i)).toBe(i % 2 === 0);
    }
    const format = formatInformation(at, size);
    expect(format.horizontal).toBe(format.vertical);
    expect(format.bchValid).toBe(true);
    expect(format.errorCorrection).toBe('M');
  });

  it('downloads the same picture as an SVG file named after the county', async () => {
    const made: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      made.push(blob);
      return 'blob:qr';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('永川区-纳入监测申请二维码.svg');
    });
    render(<SessionProvider><ApplyLinks /></SessionProvider>);
    const url = `${window.location.origin}/apply/500118`;
    fireEvent.click((await screen.findAllByRole('button', { name: '下载二维码（SVG，可打印）' }))[0]!);
    expect(clicked).toHaveBeenCalledOnce();
    expect(made[0]!.type).toBe('image/svg+xml');
    const text = await made[0]!.text();
    expect(text).toBe(qrSvgFile(url));
    const drawn = screen.getByRole('img', { name: /永川区/ }).querySelector('path')!.getAttribute('d');
    expect(text).toContain(`d="${drawn}"`);
    clicked.mockRestore();
  });
});
