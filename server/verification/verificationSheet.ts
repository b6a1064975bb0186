// The households to verify as one sheet for the existing CSV and XLSX writers, read from the store
// a page at a time (a county's list never sits in memory whole).
import { chinaDate, VERIFICATION_SOURCE_LABELS, VERIFICATION_STATE_LABELS } from '@engine';
import type { ExportSheet } from '../export/planExport';
import type { Cell } from '../export/neutraliseFormula';
import type { Store, VerificationFilter } from '../store/Store';
import { waitingDays } from './presentItem';

const HEADER = ['村', '行政区划代码', '姓名', '身份证号', '来源', '核查原因', '收到日期', '状态', '关闭原因', '已等待天数'];
const PAGE = 500;

export function verificationSheet(store: Store, filter: VerificationFilter, names: ReadonlyMap<string, string>, now: Date): ExportSheet {
  return {
    title: '重点核查户',
    header: HEADER,
    async *batches() {
      for (let page = 1; ; page++) {
        const { items } = await store.listVerificationItems(filter, { page, pageSize: PAGE });
        if (items.length === 0) return;
        yield items.map((i): Cell[] => [
          names.get(i.divisionCode) ?? '', i.divisionCode, i.name, i.idNumber ?? '', VERIFICATION_SOURCE_LABELS[i.source], i.reason,
          chinaDate(new Date(i.receivedAt)), VERIFICATION_STATE_LABELS[i.state], i.closedReason ?? '', waitingDays(i, now),
        ]);
        if (items.length < PAGE) return;
      }
    },
  };
}
