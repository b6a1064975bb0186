import { describe, expect, it } from 'vitest';
import { withoutExif } from '../../../client/form/widgets/evidence/withoutExif';
import { containsText, JPEG_WITH_GPS, PLAIN_JPEG, PNG } from './images';

describe('withoutExif', () => {
  it('drops the EXIF block with the GPS position and keeps the picture byte for byte', () => {
    expect(containsText(JPEG_WITH_GPS, 'Exif')).toBe(true);
    const cleaned = withoutExif(JPEG_WITH_GPS);
    expect(containsText(cleaned, 'Exif')).toBe(false);
    expect(Array.from(cleaned)).toEqual(Array.from(PLAIN_JPEG));
  });

  it('leaves a JPEG without EXIF, and a PNG, as they are', () => {
    expect(Array.from(withoutExif(PLAIN_JPEG))).toEqual(Array.from(PLAIN_JPEG));
    expect(withoutExif(PNG)).toBe(PNG);
  });
});
