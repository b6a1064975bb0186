// The evidence formats (issue 16): a photo or a signature is a reference to a stored file, named
// by the SHA-256 of its bytes and its type ("<64 hex>.jpg"), so a retry never stores a file twice
// and a reference says which file it is wherever the data travels (history, exports, a ZIP). A
// location is a geo URI (RFC 5870) with its accuracy, the time of the fix and how it was taken:
// "geo:29.351234,105.894321;u=12;t=2026-12-07T02:15:00Z" (";src=manual" when typed by hand).

/** File types a photo may be (checked again by its bytes on the server). */
export const PHOTO_EXTENSIONS = ['jpg', 'png', 'webp'] as const;
/** A signature is drawn on the screen and kept as a PNG. */
export const SIGNATURE_EXTENSIONS = ['png'] as const;
export type AttachmentExtension = (typeof PHOTO_EXTENSIONS)[number];

export const CONTENT_TYPES: Readonly<Record<AttachmentExtension, string>> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const REFERENCE = /^([0-9a-f]{64})\.([a-z]{3,4})$/;

export interface AttachmentReference {
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  extension: AttachmentExtension;
}

export function parseAttachmentReference(value: string): AttachmentReference | null {
  const match = REFERENCE.exec(value);
  if (!match || !(PHOTO_EXTENSIONS as readonly string[]).includes(match[2]!)) return null;
  return { sha256: match[1]!, extension: match[2] as AttachmentExtension };
}

export function attachmentReference(sha256: string, extension: AttachmentExtension): string {
  return `${sha256}.${extension}`;
}

function explainReference(value: string, allowed: readonly string[], what: string): string | null {
  const match = REFERENCE.exec(value);
  if (!match) return `应为已保存的${what}（文件的 SHA-256 和类型，如 3f7a…c2.jpg）`;
  if (!allowed.includes(match[2]!)) return `${what}只能是 ${allowed.join('、')} 文件`;
  return null;
}

export const explainPhoto = (value: string): string | null => explainReference(value, PHOTO_EXTENSIONS, '照片');
export const explainSignature = (value: string): string | null => explainReference(value, SIGNATURE_EXTENSIONS, '签字');

export interface Location {
  latitude: number;
  longitude: number;
  /** Radius of 68% confidence in metres (the Geolocation API's accuracy). */
  accuracy: number | null;
  /** When the fix was taken (ISO 8601, UTC). */
  at: string | null;
  /** Typed or corrected by hand rather than read from the phone. */
  manual: boolean;
}

const GEO = /^geo:(-?\d{1,2}(?:\.\d{1,8})?),(-?\d{1,3}(?:\.\d{1,8})?)((?:;[a-z]+=[^;]*)*)$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

export function parseLocation(value: string): Location | null {
  const match = GEO.exec(value);
  if (!match) return null;
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  const location: Location = { latitude, longitude, accuracy: null, at: null, manual: false };
  for (const part of match[3]!.split(';').slice(1)) {
    const [name, text = ''] = part.split('=');
    if (name === 'u') {
      if (!/^\d{1,6}(?:\.\d{1,2})?$/.test(text)) return null;
      location.accuracy = Number(text);
    } else if (name === 't') {
      if (!TIME.test(text) || Number.isNaN(Date.parse(text))) return null;
      location.at = text;
    } else if (name === 'src') {
      if (text !== 'manual' && text !== 'gps') return null;
      location.manual = text === 'manual';
    } else return null;
  }
  return location;
}

/** The geo URI of a fix: coordinates to 6 decimals (about 0.1 m), accuracy to the metre. */
export function formatLocation(location: Location): string {
  let text = `geo:${location.latitude.toFixed(6)},${location.longitude.toFixed(6)}`;
  if (location.accuracy !== null) text += `;u=${Math.round(location.accuracy)}`;
  if (location.at !== null) text += `;t=${location.at}`;
  if (location.manual) text += ';src=manual';
  return text;
}

export function explainLocation(value: string): string | null {
  if (parseLocation(value) !== null) return null;
  return '应为位置（纬度,经度，如 geo:29.351234,105.894321;u=12）';
}
