// The progress report as sheets for the existing CSV and XLSX writers: the table per village with
// township subtotals and the total, the counts per household kind (填报率, the last column of
// both, a number the writers show as a percentage), and the missing households one
// per row (read from the store a page at a time, so a county's list never sits in memory whole).
import type { ExportSheet } from '../export/planExport';
import type { Cell } from '../export/neutraliseFormula';
import type { HouseholdRecord } from '../store/records';
import type { Page, Paged } from '../store/Store';
import type { ProgressCounts, ProgressReport } from '@engine/contract';

const COUNT_HEADERS = ['应填户数', '未填户数', '草稿', '已提交待审核', '已退回', '已通过', '已填合计', '填报率'];

const filled = (c: ProgressCounts) => c.draft + c.submitted + c.returned + c.approved;

/**
 * Share of expected households with a submission, as a number (0.833…: the writers show it as
 * 83.3%, and a spreadsheet can sort and sum it); empty when none are expected.
 */
export function fillRate(c: ProgressCounts): number | null {
  if (c.expected === 0) return null;
  return (c.expected - c.missing) / c.expected;
}

const countCells = (c: ProgressCounts): Cell[] => [c.expected, c.missing, c.draft, c.submitted, c.returned, c.approved, filled(c), fillRate(c)];

function sheet(title: string, header: string[], rows: Cell[][]): ExportSheet {
  return { title, header, percentColumns: [header.length - 1], async *batches() { yield rows; } };
}

export function summarySheet(report: ProgressReport): ExportSheet {
  const rows: Cell[][] = [];
  for (const t of report.townships) {
    for (const v of t.villages) rows.push([t.name, v.name, v.code, ...countCells(v)]);
    rows.push([t.name, '（乡镇合计）', t.code, ...countCells(t)]);
  }
  rows.push(['总计', '', '', ...countCells(report.total)]);
  return sheet('进度汇总', ['乡镇', '村', '行政区划代码', ...COUNT_HEADERS], rows);
}

export function kindSheet(report: ProgressReport): ExportSheet {
  return sheet('按户类型', ['户类型', ...COUNT_HEADERS], report.byKind.map((k) => [k.kind || '（未登记类型）', ...countCells(k)]));
}

export function missingSheet(list: (page: Page) => Promise<Paged<HouseholdRecord>>, names: (code: string) => string, pageSize = 1000): ExportSheet {
  return {
    title: '未填农户',
    header: ['乡镇', '村', '行政区划代码', '户主姓名', '户主证件号码', '户类型', '联系电话', '家庭住址'],
    async *batches() {
      for (let page = 1; ; page++) {
        const { items } = await list({ page, pageSize });
        if (items.length === 0) return;
        yield items.map((h) => [names(h.divisionCode.slice(0, 9)), names(h.divisionCode), h.divisionCode, h.headName, h.headIdNumber, h.kind ?? '', h.phone ?? '', h.address ?? '']);
        if (items.length < pageSize) return;
      }
    },
  };
}
