// The household import template an office clerk downloads: XLSX with the columns in order, the
// ID and code columns formatted as text (so Excel keeps every digit), drop-down lists where the
// values are fixed, one example household on the instructions sheet; or the same header as a CSV
// (UTF-8 with BOM, so Excel shows the Chinese).
import ExcelJS from 'exceljs';
import { residentIdCheckDigit } from '@engine';
import { IMPORT_COLUMNS } from './importColumns';

const LAST_ROW = 20001;

const withCheckDigit = (first17: string) => first17 + residentIdCheckDigit(first17);
const HEAD = withCheckDigit('50011819650312001');
const EXAMPLE: Record<string, string>[] = [
  { 行政区划代码: '500118104201', 户主姓名: '张德明', 户主证件号码: HEAD, 联系电话: '13983001234', 家庭住址: '重庆市永川区临江镇高滩村3组', 户类型: '脱贫不稳定户', 纳入监测年月: '2021-06', 成员姓名: '张德明', 成员证件号码: HEAD, 与户主关系: '户主', 性别: '男' },
  { 户主证件号码: HEAD, 成员姓名: '李秀兰', 成员证件号码: withCheckDigit('50011819680705002'), 与户主关系: '配偶', 性别: '女' },
];

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + columnLetter(((n - 1) % 26) + 1));

export async function importTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('农户', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header, key: c.header, width: Math.max(12, c.header.length * 2 + 2),
    style: c.kind === 'id' || c.kind === 'code' || c.kind === 'year-month' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    if (!c.options) return;
    const letter = columnLetter(i + 1);
    (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${LAST_ROW}`, {
      type: 'list', allowBlank: true, formulae: [`"${c.options.join(',')}"`], showErrorMessage: true,
      errorTitle: c.header, error: `请从列表中选择：${c.options.join('、')}`,
    });
  });
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 22 }, { width: 90 }];
  help.addRow(['填写说明', '每位家庭成员一行（含户主本人）；同一户的各行“户主证件号码”相同，户的信息（行政区划代码、户主姓名、联系电话、家庭住址、户类型…）填在该户第一行即可。']).font = { bold: true };
  help.addRow(['', '按户主证件号码匹配：系统中已有的户被更新（成员以文件为准），没有的户新增。先“检查”列出每一行的问题，全部正确后才导入，要么全部导入，要么一户也不导入。']);
  help.addRow(['', '证件号码、行政区划代码、电话请保持“文本”格式（模板已设置），否则表格软件（Excel、WPS、LibreOffice）会把 18 位号码的末尾几位变成 0、去掉电话开头的 0，这样的文件不能导入。']);
  help.addRow([]);
  help.addRow(['列', '说明']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    help.addRow([c.header, [c.required ? '必填' : '', c.note ?? '', c.options ? `可选：${c.options.join('、')}` : ''].filter(Boolean).join('；')]);
  }
  help.addRow([]);
  help.addRow(['示例', '（以下两行是一户两人的写法，请在“农户”工作表中填写）']).font = { bold: true };
  help.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const example of EXAMPLE) help.addRow(IMPORT_COLUMNS.map((c) => example[c.header] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function importTemplateCsv(): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `\uFEFF${IMPORT_COLUMNS.map((c) => quote(c.header)).join(',')}\r\n`;
}
