// Round trip of the shipped forms through a workbook file: each definition exported as an XLSForm
// workbook, written as .xlsx with exceljs and read back, imported, and every test case of the form
// run on the imported definition under each campaign that uses the form — the engine must give
// the same results. Also: how many formulas had to be kept as JSON-Logic (no words for them).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCases } from '@engine';
import { exportWorkbook } from '@engine/xlsform/definition/exportWorkbook';
import { importWorkbook } from '@engine/xlsform/definition/importWorkbook';
import { readWorkbook } from '../../../server/xlsform/readWorkbook';
import { writeWorkbook } from '../../../server/xlsform/writeWorkbook';
import { FORMS_DIR, loadCampaign, loadCases, loadForm } from '../../helpers/forms';

const forms = readdirSync(FORMS_DIR).filter((d) => d !== 'campaigns');
const campaigns = readdirSync(`${FORMS_DIR}/campaigns`).map((f) => loadCampaign(f.replace('.json', '')));

/** Formulas written as "jsonlogic:" (measured; a formula more means the expression language lost words). */
const FALLBACKS: Record<string, number> = { 'member-additions': 1, 'member-removals': 2, 'monitoring-object': 2 };

describe('export then import: the engine gives the same results on every shipped case', () => {
  it.each(forms)('%s', async (id) => {
    const original = loadForm(id);
    const { book, notes } = exportWorkbook(original);
    const imported = importWorkbook(await readWorkbook(await writeWorkbook(book, original.title)));
    const errors = imported.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    const definition = imported.definition!;
    const using = campaigns.filter((c) => c.forms.includes(id));
    for (const campaign of using.length > 0 ? using : [{ parameters: {} }]) {
      const failed = runCases(definition, loadCases(id), campaign.parameters).filter((r) => !r.passed);
      expect(failed).toEqual([]);
    }
    expect(notes.length, notes.join('；')).toBeLessThanOrEqual(FALLBACKS[id] ?? 0);
  });
});
