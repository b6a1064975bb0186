// Real image bytes for the evidence tests: a JPEG drawn by Chromium's canvas (8×6), the same with
// an EXIF block holding a GPS position (as a phone's camera writes it), and a PNG.
export const PLAIN_JPEG: Uint8Array<ArrayBuffer> = Uint8Array.from(atob(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAdEAABAwUBAAAAAAAAAAAAAAABAAURAgMSE1Ex/8QAFQEBAQAAAAAAAAAAAAAAAAAABwj/xAAcEQACAwADAQAAAAAAAAAAAAABBAIDEQAxoQX/2gAMAwEAAhEDEQA/AJG1s1ho26arlWyJzIPk8A6iIid11j6N8mm5mdks0ns4AB4AOVOopQhTFZaAjCO4B0NOn08//9k=',
), (c) => c.charCodeAt(0));

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** An APP1 EXIF segment (big-endian TIFF) whose GPS IFD says 29°21'22.36"N. */
function gpsExifSegment(): number[] {
  const tiff = [
    0x4d, 0x4d, 0x00, 0x2a, ...u32(8),
    // IFD0: one entry, GPSInfo (0x8825) → the GPS IFD at 26.
    ...u16(1), ...u16(0x8825), ...u16(4), ...u32(1), ...u32(26), ...u32(0),
    // GPS IFD: GPSLatitudeRef "N", GPSLatitude three rationals at 56.
    ...u16(2), ...u16(0x0001), ...u16(2), ...u32(2), 0x4e, 0, 0, 0, ...u16(0x0002), ...u16(5), ...u32(3), ...u32(56), ...u32(0),
    ...u32(29), ...u32(1), ...u32(21), ...u32(1), ...u32(2236), ...u32(100),
  ];
  const payload = [...'Exif'].map((c) => c.charCodeAt(0)).concat(0, 0, tiff);
  return [0xff, 0xe1, ...u16(payload.length + 2), ...payload];
}

/** The JPEG as a phone's camera writes it: an EXIF block with the GPS position right after SOI. */
export const JPEG_WITH_GPS = Uint8Array.from([0xff, 0xd8, ...gpsExifSegment(), ...PLAIN_JPEG.subarray(2)]);

export function containsText(bytes: Uint8Array, text: string): boolean {
  return new TextDecoder('latin1').decode(bytes).includes(text);
}

export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}
