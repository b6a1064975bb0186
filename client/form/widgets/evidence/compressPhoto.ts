// A photo from the camera or the gallery made small enough to keep and send (about 200–400 KB at
// the defaults): its long side at most maxSide pixels, re-encoded as JPEG at the given quality by
// browser-image-compression (which redraws it through a canvas), then without EXIF. The work runs
// on the page, not in the library's web worker, which would load the library from a CDN: the
// phone is often offline.
import imageCompression from 'browser-image-compression';
import { withoutExif } from './withoutExif';

export interface PhotoOptions {
  /** Longest side in pixels (ui:options maxSide). */
  maxSide: number;
  /** JPEG quality, 0–1 (ui:options quality). */
  quality: number;
}

export const PHOTO_DEFAULTS: PhotoOptions = { maxSide: 1600, quality: 0.75 };

/** The definition's ui:options read with the defaults (a missing or nonsensical value is the default). */
export function photoOptions(options: Record<string, unknown> | undefined): PhotoOptions {
  const maxSide = options?.maxSide;
  const quality = options?.quality;
  return {
    maxSide: typeof maxSide === 'number' && maxSide >= 200 ? Math.round(maxSide) : PHOTO_DEFAULTS.maxSide,
    quality: typeof quality === 'number' && quality > 0 && quality <= 1 ? quality : PHOTO_DEFAULTS.quality,
  };
}

export async function compressPhoto(file: File, options: PhotoOptions): Promise<Uint8Array> {
  const compressed = await imageCompression(file, {
    maxWidthOrHeight: options.maxSide,
    initialQuality: options.quality,
    fileType: 'image/jpeg',
    useWebWorker: false,
    preserveExif: false,
  });
  return withoutExif(new Uint8Array(await compressed.arrayBuffer()));
}
