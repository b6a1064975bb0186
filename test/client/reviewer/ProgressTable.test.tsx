import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProgressAnswer } from '../../../client/api/types';
import { ProgressChart } from '../../../client/pages/reviewer/ProgressChart';
import { KindTable, ProgressTable } from '../../../client/pages/reviewer/ProgressTable';

const counts = (expected: number, missing: number, draft: number, submitted: number, returned: number, approved: number) => ({ expected, missing, draft, submitted, returned, approved });
const report: ProgressAnswer = {
  form: { id: 'lookback', title: '回头看' }, campaign: { id: '2021-lookback', title: '2021', year: 2021 }, kinds: ['脱贫不稳定户', '边缘易致贫户'],
  townships: [{
    code: '500118104', name: '临江镇', ...counts(8, 3, 1, 2, 1, 1),
    villages: [{ code: '500118104201', name: '高滩村', ...counts(4, 1, 1, 1, 0, 1) }, { code: '500118104202', name: '普安村', ...counts(4, 2, 0, 1, 1, 0) }],
  }],
  total: counts(8, 3, 1, 2, 1, 1),
  byKind: [{ kind: '脱贫不稳定户', ...counts(4, 2, 0, 1, 1, 0) }, { kind: '', ...counts(0, 0, 0, 1, 0, 0) }],
};

describe('the progress table and chart', () => {
  it('lists each village, the township\'s total under them and the grand total, with the fill rate', () => {
    render(<ProgressTable report={report} />);
    const row = (name: string) => within(screen.getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(row('高滩村')).toEqual(['临江镇', '4', '1', '1', '1', '0', '1', '3', '75.0%']);
    expect(row('临江镇合计')).toEqual(['临江镇', '8', '3', '1', '2', '1', '1', '5', '62.5%']);
    expect(row('总计')).toEqual(['8', '3', '1', '2', '1', '1', '5', '62.5%']);
  });

  it('counts per household kind, naming a missing kind', () => {
    render(<KindTable report={report} />);
    expect(screen.getByRole('rowheader', { name: '（未登记类型）' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: '脱贫不稳定户' })).toBeInTheDocument();
  });

  it('draws a bar per village, its parts named for screen readers', () => {
    render(<ProgressChart villages={report.townships[0]!.villages} />);
    expect(screen.getByRole('img', { name: '高滩村：已通过 1，待审核 1，已退回 0，草稿 1，未填 1' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^普安村：/ })).toHaveStyle({ width: '100%' });
  });
});
