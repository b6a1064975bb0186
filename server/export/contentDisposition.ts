// Content-Disposition for a download with a Chinese name: filename*=UTF-8''… (RFC 5987/6266),
// which every current browser uses, and an ASCII filename="…" for the few clients that do not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not carry into a header.
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** RFC 5987 attr-chars stay; everything else, including ' ( ) *, is percent-encoded. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function attachment(fileName: string, asciiFallback: string): string {
  const name = fileName.replace(UNSAFE_IN_NAME, '_');
  const fallback = asciiFallback.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
