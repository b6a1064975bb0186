// A sheet's texts in several languages: the definition's own (Chinese) text of a column comes from
// its plain header ("label"), else "label::zh" (中文), else the settings' default_language, else
// the first language written; every other language becomes a translation (FormDefinition
// .translations, by the text keys of engine/i18n: "field:A28.title"…).
import { parseColumn } from './columns';
import type { Report } from './Report';
import type { SheetRow, SheetTable } from './workbook';

export class Texts {
  /** base -> [header, language] of its language columns. */
  private readonly byBase = new Map<string, { header: string; language: string | null }[]>();
  readonly translations: Record<string, Record<string, string>> = {};

  /** `translatable`: the columns that may be written per language ("label", "hint"…). */
  constructor(sheet: SheetTable, private readonly defaultLanguage: string | null, report: Report, translatable: Set<string>) {
    for (const header of sheet.columns) {
      const column = parseColumn(header);
      if (!translatable.has(column.base)) continue;
      if (column.unknownLanguage !== null) {
        if (sheet.rows.some((r) => r.cells[header] !== undefined)) {
          report.error(sheet.name, 1, header, `无法识别语言“${column.unknownLanguage}”：请写作 ${column.base}::English (en) 这样带语言代码的形式`);
        }
        continue;
      }
      const list = this.byBase.get(column.base) ?? [];
      list.push({ header, language: column.language });
      this.byBase.set(column.base, list);
    }
  }

  /** The header that holds the definition's own text of a column (see the opening comment). */
  private ownHeader(base: string): string | undefined {
    const list = this.byBase.get(base) ?? [];
    return (list.find((c) => c.language === null) ?? list.find((c) => c.language === 'zh')
      ?? list.find((c) => c.language === this.defaultLanguage) ?? list[0])?.header;
  }

  own(row: SheetRow, base: string): string | undefined {
    const header = this.ownHeader(base);
    return header === undefined ? undefined : row.cells[header];
  }

  /** Files the row's other languages of a column under a text key. */
  translate(row: SheetRow, base: string, key: string): void {
    const own = this.ownHeader(base);
    for (const { header, language } of this.byBase.get(base) ?? []) {
      if (header === own || language === null || language === 'zh') continue;
      const text = row.cells[header];
      if (text === undefined) continue;
      (this.translations[language] ??= {})[key] = text;
    }
  }

  /** Languages with at least one column (besides the own text's). */
  languages(): string[] {
    const found = new Set<string>();
    for (const [base, list] of this.byBase) {
      const own = this.ownHeader(base);
      for (const c of list) if (c.language && c.language !== 'zh' && c.header !== own) found.add(c.language);
    }
    return [...found];
  }
}
