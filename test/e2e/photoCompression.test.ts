// The photo compression in a real browser (jsdom has no canvas): browser-image-compression, with
// the options the photo widget gives it, turns a camera JPEG carrying an EXIF GPS block into a
// smaller-sided JPEG without any EXIF — before the widget's own withoutExif even runs.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { containsText, JPEG_WITH_GPS } from '../client/evidence/images';
import { launchBrowser } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('photo compression in Chromium', () => {
  it('re-encodes a camera JPEG with a GPS position as a JPEG with no EXIF at all', async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body></body></html>');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('browser-image-compression/dist/browser-image-compression.js') });
    expect(containsText(JPEG_WITH_GPS, 'Exif')).toBe(true);
    const out = await page.evaluate(async (input) => {
      const file = new File([Uint8Array.from(input)], 'IMG_0001.jpg', { type: 'image/jpeg' });
      // The options compressPhoto.ts gives (maxSide 4 px here, to see the resize).
      const compress = (window as unknown as { imageCompression: (f: File, o: object) => Promise<File> }).imageCompression;
      const result = await compress(file, { maxWidthOrHeight: 4, initialQuality: 0.75, fileType: 'image/jpeg', useWebWorker: false, preserveExif: false });
      const bitmap = await createImageBitmap(result);
      return { type: result.type, bytes: Array.from(new Uint8Array(await result.arrayBuffer())), width: bitmap.width, height: bitmap.height };
    }, Array.from(JPEG_WITH_GPS));
    await page.close();
    const bytes = Uint8Array.from(out.bytes);
    expect(out.type).toBe('image/jpeg');
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(containsText(bytes, 'Exif')).toBe(false);
    expect(Math.max(out.width, out.height)).toBe(4);
  });
});
