// The data columns of an export, from the field indexes of a form's published versions (newest
// first): every field in schema order, nested objects flattened ("address.county"), a table's
// columns on the table's own sheet. A choice whose values are codes ("2" → 婚入) gets two
// columns, the code and its label; anything else one. Submissions were filled against different
// versions, so the columns are the union: the newest version's order first, then the fields only
// older versions had. Headers come from the newest version that has the field. A photo or
// signature field is a file column (each file's name and link); a location three columns
// (latitude, longitude, accuracy) a spreadsheet can plot. Knows nothing of submissions or file
// formats.
import { evidenceKind, optionsOf, type FieldIndex, type FieldInfo, type JsonSchema } from '@engine';
import { ZH_EXPORT_WORDS, type ExportWords } from './exportWords';

/**
 * value: one column (labels for booleans, enums, choices); code and label: a coded choice's two;
 * file: a photo or signature field's files; latitude, longitude, accuracy: a location's parts.
 */
export type ColumnPart = 'value' | 'code' | 'label' | 'file' | 'latitude' | 'longitude' | 'accuracy';

export interface ExportColumn {
  /** The field's dotted key ("A28", "address.county", "members.A7"). */
  key: string;
  /** Where the value sits in the submission's data, or in a table row for a table's column. */
  path: string[];
  part: ColumnPart;
  header: string;
}

export interface ExportTable {
  key: string;
  title: string;
}

const optionSchema = (schema: JsonSchema): JsonSchema =>
  schema.type === 'array' && schema.items && typeof schema.items === 'object' ? (schema.items as JsonSchema) : schema;

/** A single or multiple choice whose stored values differ from what an officer reads (oneOf const/title). */
export function isCodedChoice(schema: JsonSchema): boolean {
  const options = optionSchema(schema);
  if (options.type === 'boolean') return false;
  return optionsOf(options)?.some((o) => o.label !== String(o.value)) ?? false;
}

function childKeys(index: FieldIndex, parent: string | null): string[] {
  if (parent === null) return index.topLevel;
  const keys: string[] = [];
  for (const info of index.fields.values()) if (info.parent === parent) keys.push(info.key);
  return keys;
}

/** The leaf fields under a parent (null: the form's top level), depth first, tables left out. */
function leaves(index: FieldIndex, parent: string | null): FieldInfo[] {
  const found: FieldInfo[] = [];
  for (const key of childKeys(index, parent)) {
    const info = index.fields.get(key);
    if (!info || info.kind === 'table') continue;
    if (info.kind === 'object') found.push(...leaves(index, key));
    else found.push(info);
  }
  return found;
}

/** "家庭住址.县（区）" for a nested field: the titles from the sheet's level down. */
function headerOf(index: FieldIndex, info: FieldInfo, table: string | null): string {
  const titles = [info.title];
  for (let parent = info.parent; parent !== null && parent !== table; ) {
    const up = index.fields.get(parent);
    if (!up) break;
    titles.unshift(up.title);
    parent = up.parent;
  }
  return titles.join('.');
}

/** The columns of the main sheet (table null) or of one table's sheet. */
export function exportColumns(newestFirst: FieldIndex[], table: string | null, words: ExportWords = ZH_EXPORT_WORDS): ExportColumn[] {
  const order: string[] = [];
  const header = new Map<string, string>();
  const coded = new Set<string>();
  const evidence = new Map<string, 'file' | 'location'>();
  for (const index of newestFirst) {
    for (const info of leaves(index, table)) {
      if (!header.has(info.key)) {
        order.push(info.key);
        header.set(info.key, headerOf(index, info, table));
        const kind = evidenceKind(info.schema);
        if (kind) evidence.set(info.key, kind === 'location' ? 'location' : 'file');
      }
      if (isCodedChoice(info.schema)) coded.add(info.key);
    }
  }
  return order.flatMap((key): ExportColumn[] => {
    const path = (table ? key.slice(table.length + 1) : key).split('.');
    const title = header.get(key)!;
    if (evidence.get(key) === 'file') return [{ key, path, part: 'file', header: `${title}${words.files}` }];
    if (evidence.get(key) === 'location') {
      return [
        { key, path, part: 'latitude', header: `${title}${words.latitude}` },
        { key, path, part: 'longitude', header: `${title}${words.longitude}` },
        { key, path, part: 'accuracy', header: `${title}${words.accuracy}` },
      ];
    }
    if (!coded.has(key)) return [{ key, path, part: 'value', header: title }];
    return [{ key, path, part: 'code', header: `${title}${words.code}` }, { key, path, part: 'label', header: title }];
  });
}

/** Every table of every version (newest first), titled as the newest version has it. */
export function exportTables(newestFirst: FieldIndex[]): ExportTable[] {
  const tables = new Map<string, string>();
  for (const index of newestFirst) {
    for (const key of index.tables) if (!tables.has(key)) tables.set(key, index.fields.get(key)?.title ?? key);
  }
  return [...tables].map(([key, title]) => ({ key, title }));
}
