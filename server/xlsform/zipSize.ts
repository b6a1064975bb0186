// How large a zip archive (an XLSX file) becomes once unpacked, from its central directory,
// without unpacking anything: a 1 MB upload can hold gigabytes of repeated XML, and exceljs reads
// a workbook whole, so the workbook reader refuses such a file before handing it over.

/** Total uncompressed bytes of the archive's entries, or null when it is not a readable zip. */
export function unpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: signature 0x06054b50, within the last 64 KB + 22 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) { end = at; break; }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    // ZIP64 archives mark the size 0xFFFFFFFF: more than any workbook this reader takes.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
