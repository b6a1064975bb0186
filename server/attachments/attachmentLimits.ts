// How large a stored file may be: a photo compressed on the phone is 200–400 KB, so 10 MB leaves
// room for a camera's own file sent as it is; a signature drawn on the screen is a small PNG.
// Checked at the door from the declared length, and again while the bytes arrive (a body sent
// without a length): an oversize upload is refused as soon as it passes the limit, never buffered.

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_SIGNATURE_BYTES = 1024 * 1024;

export type UploadKind = 'photo' | 'signature';

export const MAX_UPLOAD_BYTES: Record<UploadKind, number> = { photo: MAX_PHOTO_BYTES, signature: MAX_SIGNATURE_BYTES };

export const TOO_LARGE: Record<UploadKind, string> = {
  photo: '照片过大（上限 10 MB）：请在手机上压缩后重新上传',
  signature: '签字图片过大（上限 1 MB）：请清除后重新签字',
};
