// What one export of a form holds: the main sheet (one row per submission) and one sheet per
// table (one row per table row), each a header and its rows in batches, read from the store with
// the list's own filter. Each sheet is its own pass over store.streamSubmissions, so only one
// batch is ever in memory and a writer can finish one sheet before it starts the next (XLSX must:
// a zip holds its entries one after another). A submission changed between two passes shows its
// newer rows on the later sheet; every row carries its 提交编号 to join on. An export of one
// campaign has the columns of the versions that campaign served, not of a later year's version.
import { attachmentsIn, buildFieldIndex, translateDefinition, type AttachmentUse, type FieldIndex } from '@engine';
import type { Deps } from '../deps';
import type { FormRecord, SubmissionRecord } from '../store/records';
import type { SubmissionFilter } from '../store/Store';
import { exportColumns, exportTables, type ExportTable } from './exportColumns';
import { loadNames, type LoadedNames } from './exportNames';
import { dataCells, mainRow, tableRows } from './exportRows';
import { exportWords } from './exportWords';
import type { Cell } from './neutraliseFormula';
import { sheetHeaders } from './sheetHeaders';

export interface ExportSheet {
  title: string;
  header: string[];
  /** Columns holding a share as a number (0.5): a percent format in XLSX, "50.0%" in CSV. */
  percentColumns?: number[];
  /** The rows, a store batch at a time; each call is a new pass. */
  batches(): AsyncIterable<Cell[][]>;
}

export interface ExportPlan {
  /** The form's title, for the file name. */
  title: string;
  main: ExportSheet;
  tables: (ExportTable & { sheet: ExportSheet })[];
  /** The submissions again, a batch at a time with their names loaded (for the files of a ZIP). */
  submissions(): AsyncIterable<SubmissionRecord[]>;
  /** The village and user names of the batch last read. */
  names: LoadedNames;
  /** The photos and signatures a submission refers to, read with its own version's schema. */
  filesOf(record: SubmissionRecord): AttachmentUse[];
}

const BATCH = 500;

/**
 * The versions a campaign's submissions of the form can be on: the one it serves and every one it
 * served before an adoption (null without a campaign: all). Last year's export keeps last year's
 * columns when a later campaign adopts a new version.
 */
async function campaignVersions(deps: Deps, formId: string, campaignId: string | undefined): Promise<Set<number> | null> {
  const campaign = campaignId ? await deps.store.getCampaign(campaignId) : null;
  if (!campaign) return null;
  const versions = new Set<number>();
  const served = campaign.formVersions[formId];
  if (served !== undefined) versions.add(served);
  for (const adoption of await deps.store.listAdoptions(campaign.id)) {
    if (adoption.formId !== formId) continue;
    if (adoption.fromVersion !== null) versions.add(adoption.fromVersion);
    versions.add(adoption.toVersion);
  }
  return versions.size ? versions : null;
}

async function versionIndexes(deps: Deps, formId: string, campaignId: string | undefined, language: string): Promise<{ newestFirst: FieldIndex[]; byVersion: Map<number, FieldIndex>; title: string | null }> {
  const only = await campaignVersions(deps, formId, campaignId);
  const versions = (await deps.store.listFormVersions(formId)).map((v) => v.version).filter((v) => !only || only.has(v)).sort((a, b) => b - a);
  const byVersion = new Map<number, FieldIndex>();
  let title: string | null = null;
  for (const version of versions) {
    const loaded = await deps.forms.get(formId, version);
    if (!loaded) continue;
    const definition = translateDefinition(loaded.record.definition, language);
    title ??= definition.title;
    byVersion.set(version, buildFieldIndex(definition.schema));
  }
  return { newestFirst: [...byVersion.values()], byVersion, title };
}

export interface ExportOptions {
  /** Where the server is reached ("https://county.example"): each file's link starts with it. */
  linkBase?: string;
  /** The language of headers, option labels and the export's own words ("en"); Chinese by default. */
  language?: string;
}

export async function planExport(deps: Deps, form: FormRecord, filter: SubmissionFilter, options: ExportOptions = {}): Promise<ExportPlan> {
  const { store } = deps;
  const language = options.language ?? 'zh';
  const words = exportWords(language);
  const { newestFirst, byVersion, title } = await versionIndexes(deps, form.id, filter.campaignId, language);
  const names = await loadNames(store, filter.division ? [filter.division] : filter.scope);

  async function* records() {
    for await (const batch of store.streamSubmissions(filter, BATCH)) {
      await names.load(batch);
      yield batch;
    }
  }

  const columns = exportColumns(newestFirst, null, words);
  const cells = dataCells(columns, byVersion, options.linkBase, words);
  const main: ExportSheet = {
    title: title ?? form.title,
    header: sheetHeaders(words.mainHeaders, columns, words),
    async *batches() {
      for await (const batch of records()) yield batch.map((record) => mainRow(record, names, cells, words));
    },
  };

  const tables = exportTables(newestFirst).map((table) => {
    const tableColumns = exportColumns(newestFirst, table.key, words);
    const tableCells = dataCells(tableColumns, byVersion, options.linkBase, words);
    const sheet: ExportSheet = {
      title: table.title,
      header: sheetHeaders(words.tableHeaders, tableColumns, words),
      async *batches() {
        for await (const batch of records()) yield batch.flatMap((record) => tableRows(record, table.key, tableCells));
      },
    };
    return { ...table, sheet };
  });

  const filesOf = (record: SubmissionRecord) => {
    const index = byVersion.get(record.formVersion);
    return index ? attachmentsIn(index, record.data) : [];
  };
  return { title: title ?? form.title, main, tables, submissions: records, names, filesOf };
}
