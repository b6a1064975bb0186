// 本村农户位置图 (issue 16): households drawn where they stand from the form's location field,
// north up and east right, with a scale bar in metres, each dot named on hover and focus, listed
// with coordinates beside the plot, and the households with no position listed as 未采集位置.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFieldIndex } from '@engine';
import { projectPositions, roundMetres } from '../../../client/pages/reviewer/plot/projectPositions';
import { VillagePlot } from '../../../client/pages/reviewer/plot/VillagePlot';
import { VillagePlotSection } from '../../../client/pages/reviewer/plot/VillagePlotSection';
import { villagePositions } from '../../../client/pages/reviewer/plot/villagePositions';
import { loadForm } from '../../helpers/forms';
import { fakeServer } from './fixtures';

afterEach(() => vi.unstubAllGlobals());

const ledger = loadForm('income-ledger');
const index = buildFieldIndex(ledger.schema);
const GAOTAN = '500118104201';

// 高滩村: 张家 about 1.1 km north of 李家, 王家 about 970 m east of 李家 (at 29.35°N a degree of longitude is about 97 km).
const submissions = [
  { id: 's-zhang', householdId: 'h-zhang', headName: '张德明', formVersion: 1, data: { location: 'geo:29.361234,105.894321;u=8' } },
  { id: 's-li', householdId: 'h-li', headName: '李秀兰', formVersion: 1, data: { location: 'geo:29.351234,105.894321;u=15;src=manual' } },
  { id: 's-wang', householdId: 'h-wang', headName: '王桂芳', formVersion: 1, data: { location: 'geo:29.351234,105.904321' } },
  { id: 's-chen', householdId: 'h-chen', headName: '陈光明', formVersion: 1, data: { phoneInterview: true } },
  // An older submission of 张家 further down the newest-first list: the latest one counts.
  { id: 's-zhang-old', householdId: 'h-zhang', headName: '张德明', formVersion: 1, data: { location: 'geo:29.30,105.80' } },
];

const plot = () => within(screen.getByRole('figure'));
const dot = (name: string) => plot().getByRole('link', { name }).querySelector('circle')!;
const at = (name: string) => ({ x: Number(dot(name).getAttribute('cx')), y: Number(dot(name).getAttribute('cy')) });

describe('VillagePlot', () => {
  it('draws a household north of another above it and one east of it to its right, with a scale bar of round metres', () => {
    render(<VillagePlot positions={villagePositions(submissions, () => index)} village="高滩村" />);
    expect(screen.getByRole('figure')).toHaveTextContent('高滩村农户位置图：3 户');
    const zhang = at('张德明');
    const li = at('李秀兰');
    const wang = at('王桂芳');
    expect(zhang.y).toBeLessThan(li.y);
    expect(zhang.x).toBeCloseTo(li.x, 3);
    expect(wang.x).toBeGreaterThan(li.x);
    expect(wang.y).toBeCloseTo(li.y, 3);
    // Distances keep their proportions: 1.11 km north against 0.97 km east.
    expect((li.y - zhang.y) / (wang.x - li.x)).toBeCloseTo(1112 / 969, 1);
    expect(screen.getByText(/^\d+ 米$/).textContent).toMatch(/^(1|2|5)0* 米$/);
  });

  it('names a dot on hover and on keyboard focus, and lists every household with its coordinates', () => {
    render(<VillagePlot positions={villagePositions(submissions, () => index)} village="高滩村" />);
    const svg = screen.getByRole('figure').querySelector('svg')!;
    expect(svg.querySelector('.rv-plot-name')).toBeNull();
    fireEvent.mouseEnter(plot().getByRole('link', { name: '李秀兰' }));
    expect(svg.querySelector('.rv-plot-name')).toHaveTextContent('李秀兰');
    fireEvent.focus(plot().getByRole('link', { name: '王桂芳' }));
    expect(svg.querySelector('.rv-plot-name')).toHaveTextContent('王桂芳');
    const list = screen.getByRole('list', { name: '已采集位置的农户' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '张德明 纬度 29.361234，经度 105.894321，精度 8 米', '李秀兰 纬度 29.351234，经度 105.894321，精度 15 米（手动）', '王桂芳 纬度 29.351234，经度 105.904321',
    ]);
  });

  it('lists the households without a position as 未采集位置', () => {
    render(<VillagePlot positions={villagePositions(submissions, () => index)} village="高滩村" />);
    const missing = screen.getByRole('region', { name: '未采集位置' });
    expect(missing).toHaveTextContent('未采集位置（1 户）');
    expect(within(missing).getByRole('link', { name: '陈光明' })).toHaveAttribute('href', '/review/submissions/s-chen');
  });
});

describe('projectPositions', () => {
  it('fits the extent in the drawing, a lone household in the middle', () => {
    expect(projectPositions([{ id: 'a', latitude: 29.35, longitude: 105.89 }], 640, 420, 28).points).toEqual([{ id: 'a', x: 320, y: 210 }]);
    const { points } = projectPositions([{ id: 'n', latitude: 29.36, longitude: 105.89 }, { id: 's', latitude: 29.35, longitude: 105.89 }], 640, 420, 28);
    expect(points.map((p) => Math.round(p.y))).toEqual([28, 392]);
  });

  it('rounds the scale bar to 1, 2 or 5 times a power of ten', () => {
    expect([roundMetres(740), roundMetres(260), roundMetres(99), roundMetres(1)]).toEqual([500, 200, 50, 1]);
  });
});

describe('VillagePlotSection', () => {
  it('reads the village\'s submissions of the form when opened', async () => {
    const server = fakeServer({
      'GET /api/forms/income-ledger/submissions': () => ({ items: submissions, total: submissions.length, page: 1, pageSize: 200 }),
      'GET /api/forms/income-ledger/versions/1': () => ({ id: 'income-ledger', version: 1, definition: ledger }),
    });
    vi.stubGlobal('fetch', server.fetch);
    render(<VillagePlotSection formId="income-ledger" division={GAOTAN} campaign="2023" village="高滩村" />);
    expect(server.calls).toEqual([]);
    const details = screen.getByText('本村农户位置图').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByRole('figure')).toHaveTextContent('高滩村农户位置图：3 户');
    expect(Object.fromEntries(server.calls[0]!.url.searchParams)).toMatchObject({ division: GAOTAN, campaign: '2023', sort: 'updatedAt', order: 'desc' });
  });

  it('says so for a form without a location field', async () => {
    const lookback = loadForm('lookback');
    vi.stubGlobal('fetch', fakeServer({
      'GET /api/forms/lookback/submissions': () => ({ items: [{ id: 's-1', householdId: 'h-1', headName: '张德明', formVersion: 1, data: {} }], total: 1, page: 1, pageSize: 200 }),
      'GET /api/forms/lookback/versions/1': () => ({ id: 'lookback', version: 1, definition: lookback }),
    }).fetch);
    render(<VillagePlotSection formId="lookback" division={GAOTAN} village="高滩村" />);
    const details = screen.getByText('本村农户位置图').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByText('此表没有位置字段')).toBeInTheDocument();
  });
});
