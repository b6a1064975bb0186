// A reviewer returning a submission may point at fields, each with a note the officer sees at
// the field ("A28 务工收入与 A16 务工时间不符"). A note must name a field of the form the submission
// was filled with (a table's cell with its row: "/members/2/A7"; a whole row or table too), and
// say something, within the length; anything else is refused in Chinese, naming the note.
import type { FieldIndex } from '@engine';
import { Problem } from '../problem';
import type { FieldNote } from '../store/records';

export const MAX_FIELD_NOTES = 100;
export const MAX_FIELD_NOTE_LENGTH = 500;

/** Whether `path` is a JSON Pointer to a field of the form, with a row index after each table. */
export function isFieldPointer(index: FieldIndex, path: string): boolean {
  if (!path.startsWith('/')) return false;
  let key = '';
  let needRow = false;
  for (const raw of path.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (needRow) {
      if (!/^(?:0|[1-9]\d{0,5})$/.test(segment)) return false;
      needRow = false;
      continue;
    }
    key = key ? `${key}.${segment}` : segment;
    const info = index.fields.get(key);
    if (!info) return false;
    needRow = info.kind === 'table';
  }
  return key !== '';
}

/** The notes as kept (trimmed), or a Problem naming the first wrong one. */
export function checkFieldNotes(index: FieldIndex, notes: readonly FieldNote[]): FieldNote[] {
  if (notes.length > MAX_FIELD_NOTES) throw new Problem('bad_request', `请求字段 fieldNotes 不正确：一次最多标注 ${MAX_FIELD_NOTES} 处`);
  return notes.map(({ path, note }, i) => {
    if (!isFieldPointer(index, path)) throw new Problem('bad_request', `请求字段 fieldNotes.${i}.path 不正确：“${path.slice(0, 100)}”不是本表的字段`);
    const text = note.trim();
    if (!text) throw new Problem('bad_request', `请求字段 fieldNotes.${i}.note 不正确：标注的字段须写明要修改什么`);
    const length = Array.from(text).length;
    if (length > MAX_FIELD_NOTE_LENGTH) throw new Problem('bad_request', `请求字段 fieldNotes.${i}.note 不正确：不能超过 ${MAX_FIELD_NOTE_LENGTH} 字，现为 ${length} 字`);
    return { path, note: text };
  });
}
