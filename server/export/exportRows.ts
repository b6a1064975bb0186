// A submission as export rows: the fixed columns (number, status, division, head, version, times,
// filler, the officer's explanations of the warnings: 核实说明), then one cell per data column, each value labelled with the schema of the version the
// submission was filled against, by the engine's labelOf (是/否, codes to labels, choices joined
// with 、). A table's rows start with 提交编号, 户主姓名, 行号. Numbers stay numbers. Nothing here
// reads the store or writes a format.
import { chinaTimeText, labelOf, parseLocation, warningsByRule, type FieldIndex, type JsonSchema } from '@engine';
import type { SubmissionRecord } from '../store/records';
import type { ExportColumn } from './exportColumns';
import { ZH_EXPORT_WORDS, type ExportWords } from './exportWords';
import type { Cell } from './neutraliseFormula';

export const MAIN_HEADERS = ZH_EXPORT_WORDS.mainHeaders;
export const TABLE_HEADERS = ZH_EXPORT_WORDS.tableHeaders;

/** Names the fixed columns show instead of codes and ids. */
export interface ExportNames {
  division(code: string): string;
  user(id: string): string;
}

type Row = Record<string, unknown>;
type CellReader = (row: Row) => Cell;

/** "2021-11-20 17:00:00": an instant in China time, as the campaigns count dates. */
export function chinaDateTime(iso: string | null): string | null {
  return iso ? chinaTimeText(iso, { seconds: true }) : null;
}

function valueAt(row: unknown, path: string[]): unknown {
  let value = row;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Row)[part];
  }
  return value;
}

function codeText(value: unknown): Cell {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A photo or signature field's files, one per line: the file's name, then its link. */
function fileLines(value: unknown, linkBase: string): Cell {
  const references = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  if (!references.length) return null;
  return references.map((reference) => `${reference} ${linkBase}/api/attachments/${encodeURIComponent(reference)}`).join('\n');
}

function locationPart(value: unknown, part: 'latitude' | 'longitude' | 'accuracy'): Cell {
  const location = typeof value === 'string' ? parseLocation(value) : null;
  return location ? location[part] : null;
}

function cellReader(column: ExportColumn, schema: JsonSchema, linkBase: string, words: ExportWords): CellReader {
  return (row) => {
    const value = valueAt(row, column.path);
    if (value === undefined || value === null) return null;
    if (column.part === 'file') return fileLines(value, linkBase);
    if (column.part === 'latitude' || column.part === 'longitude' || column.part === 'accuracy') return locationPart(value, column.part);
    if (column.part === 'code') return codeText(value);
    if (column.part === 'value' && typeof value === 'number') return value;
    if (typeof value === 'boolean' && schema.type === 'boolean') return value ? words.yes : words.no;
    return labelOf(schema, value);
  };
}

/**
 * The data cells of a row (a submission's data, or one row of a table) under the columns, read
 * with the schema of the row's form version: one reader per column and version, built once.
 * `linkBase` ("https://county.example") starts each file's link.
 */
export function dataCells(
  columns: ExportColumn[], indexes: ReadonlyMap<number, FieldIndex>, linkBase = '', words: ExportWords = ZH_EXPORT_WORDS,
): (version: number, row: Row) => Cell[] {
  const readers = new Map<number, CellReader[]>();
  return (version, row) => {
    let forVersion = readers.get(version);
    if (!forVersion) {
      const fields = indexes.get(version)?.fields;
      forVersion = columns.map((c) => cellReader(c, fields?.get(c.key)?.schema ?? {}, linkBase, words));
      readers.set(version, forVersion);
    }
    return forVersion.map((read) => read(row));
  };
}

/** One line per warning rule: its (first) message and the officer's explanation; null without warnings. */
export function explanationCell(record: Pick<SubmissionRecord, 'warnings' | 'explanations'>, words: ExportWords = ZH_EXPORT_WORDS): Cell {
  const lines = warningsByRule(record.warnings).map(({ ruleId, issues }) => {
    const text = Object.hasOwn(record.explanations, ruleId) ? record.explanations[ruleId] : undefined;
    return `${issues[0]!.message} —— ${text ? words.explained(text) : words.unexplained}`;
  });
  return lines.length ? lines.join('\n') : null;
}

export function mainRow(record: SubmissionRecord, names: ExportNames, cells: (version: number, row: Row) => Cell[], words: ExportWords = ZH_EXPORT_WORDS): Cell[] {
  return [
    record.id, words.status[record.status] ?? record.status, record.divisionCode, names.division(record.divisionCode),
    record.headName, record.headIdNumber, record.formVersion, chinaDateTime(record.submittedAt), chinaDateTime(record.approvedAt),
    names.user(record.createdBy), explanationCell(record, words), ...cells(record.formVersion, record.data),
  ];
}

/** One row per row of the table (key "members"), numbered from 1. */
export function tableRows(record: SubmissionRecord, table: string, cells: (version: number, row: Row) => Cell[]): Cell[][] {
  const rows = valueAt(record.data, table.split('.'));
  if (!Array.isArray(rows)) return [];
  return rows.map((row, i) => [
    record.id, record.headName, i + 1,
    ...cells(record.formVersion, row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Row) : {}),
  ]);
}
