// Every file a submission's data refers to: its photos and signatures, top-level or in a table's
// rows, each with the field that holds it. The server requires each to be stored before it
// acknowledges a submission; the phone uploads them first; exports and the ZIP list them.
import { parseAttachmentReference, type AttachmentReference } from '../formats/attachmentFormats';
import type { FieldIndex, FieldInfo } from '../schema/fieldIndex';
import { evidenceKind } from './evidenceKind';

export interface AttachmentUse extends AttachmentReference {
  /** The stored reference as the data holds it ("<sha256>.jpg"). */
  reference: string;
  kind: 'photo' | 'signature';
  /** JSON Pointer of the value ("/house/0", "/members/2/A60"). */
  pointer: string;
  field: FieldInfo;
}

type Data = Record<string, unknown>;

function usesOf(value: unknown, field: FieldInfo, pointer: string, out: AttachmentUse[]): void {
  const kind = evidenceKind(field.schema);
  if (kind !== 'photo' && kind !== 'signature') return;
  const values = Array.isArray(value) ? value.map((v, i) => [v, `${pointer}/${i}`] as const) : [[value, pointer] as const];
  for (const [item, at] of values) {
    if (typeof item !== 'string') continue;
    const parsed = parseAttachmentReference(item);
    if (parsed) out.push({ ...parsed, reference: item, kind, pointer: at, field });
  }
}

/** The attachments of the data, in field order (tables row by row); a malformed value is left to validation. */
export function attachmentsIn(index: FieldIndex, data: Data): AttachmentUse[] {
  const out: AttachmentUse[] = [];
  for (const field of index.fields.values()) {
    if (field.kind !== 'leaf') continue;
    if (field.table === null) {
      if (field.parent === null && Object.hasOwn(data, field.key)) usesOf(data[field.key], field, `/${field.key}`, out);
      continue;
    }
    const rows = data[field.table];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, n) => {
      if (row && typeof row === 'object' && Object.hasOwn(row, field.code)) usesOf((row as Data)[field.code], field, `/${field.table}/${n}/${field.code}`, out);
    });
  }
  return out;
}

/** Whether a form has any field that holds a file. */
export function hasAttachmentFields(index: FieldIndex): boolean {
  for (const field of index.fields.values()) {
    const kind = evidenceKind(field.schema);
    if (kind === 'photo' || kind === 'signature') return true;
  }
  return false;
}
