// Before a submission is written: every file its data refers to (attachmentsIn) must be stored,
// else the write is refused (422 missing_attachments, each field named, nothing written), so a
// submission is acknowledged only with its files. Answers the references, which the store links
// to the submission in the same write (who may see the submission may see them).
import { attachmentsIn, type AttachmentUse, type FieldIndex, type FormData } from '@engine';
import { Problem } from '../problem';
import type { Store } from '../store/Store';

const WHAT = { photo: '照片', signature: '签字' } as const;

function where(use: AttachmentUse): string {
  const row = use.field.table === null ? null : Number(use.pointer.split('/')[2]) + 1;
  return row === null ? use.field.title : `${use.field.title}（第 ${row} 行）`;
}

function missingAttachments(missing: AttachmentUse[]): Problem {
  const issues = missing.map((use) => ({
    path: use.pointer, field: use.field.key, code: 'missing_attachment', reference: use.reference,
    message: `${where(use)}：${WHAT[use.kind]}尚未上传`,
  }));
  return new Problem('missing_attachments', `文件尚未上传，未保存：${issues.map((i) => i.message).join('；')}。请联网后重新同步`, { missing: issues });
}

export async function storedAttachments(store: Store, index: FieldIndex, data: FormData): Promise<string[]> {
  const uses = attachmentsIn(index, data);
  const references = [...new Set(uses.map((use) => use.reference))];
  if (references.length === 0) return [];
  const stored = new Set((await store.attachmentRecords(references)).map((r) => r.reference));
  const missing = uses.filter((use) => !stored.has(use.reference));
  if (missing.length > 0) throw missingAttachments(missing);
  return references;
}
