// Round trip of the shipped forms through a workbook: each definition exported as an XLSForm
// workbook, the workbook imported back, and every test case of the form run on the imported
// definition under each campaign that uses the form — the engine must give the same results.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCases } from '@engine';
import { exportWorkbook } from '@engine/xlsform/definition/exportWorkbook';
import { importWorkbook } from '@engine/xlsform/definition/importWorkbook';
import { FORMS_DIR, loadCampaign, loadCases, loadForm } from '../../helpers/forms';

const forms = readdirSync(FORMS_DIR).filter((d) => d !== 'campaigns');
const campaigns = readdirSync(`${FORMS_DIR}/campaigns`).map((f) => loadCampaign(f.replace('.json', '')));

describe('export then import: the engine gives the same results on every shipped case', () => {
  it.each(forms)('%s', (id) => {
    const original = loadForm(id);
    const { book, notes } = exportWorkbook(original);
    const imported = importWorkbook(book);
    const errors = imported.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    const definition = imported.definition!;
    const using = campaigns.filter((c) => c.forms.includes(id));
    for (const campaign of using.length > 0 ? using : [{ parameters: {} }]) {
      const failed = runCases(definition, loadCases(id), campaign.parameters).filter((r) => !r.passed);
      expect(failed).toEqual([]);
    }
    console.log(id, 'json-logic fallbacks', notes.length, 'of', (original.rules?.visibility?.length ?? 0) + (original.rules?.computed?.length ?? 0) + (original.rules?.validations?.length ?? 0));
  });
});
