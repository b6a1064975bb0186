// The location field: taken only on 获取位置 (high accuracy, a time limit), shown as coordinates;
// a refusal gets the Chinese message, a poor fix a warning, and 手动修改 gives a value marked src=manual.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLocation } from '@engine';
import { evidenceForm, renderEvidence } from './renderEvidence';

const SPOT = { type: 'string', format: 'location', title: 'B5 住房位置' } as const;
const ERRORS = { PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 };

type Answer = { coords: { latitude: number; longitude: number; accuracy: number }; timestamp: number } | { code: number };

function stubGeolocation(answer: Answer) {
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail: PositionErrorCallback, _options?: PositionOptions) => {
    if ('code' in answer) fail({ ...ERRORS, code: answer.code, message: '' } as GeolocationPositionError);
    else ok(answer as unknown as GeolocationPosition);
  });
  Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
  return getCurrentPosition;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation');
});

const FIX_TIME = Date.parse('2026-12-07T02:15:00Z');

describe('the location field', () => {
  it('asks the phone only when 获取位置 is tapped, with high accuracy, and shows 纬度/经度/精度/时间', () => {
    const getCurrentPosition = stubGeolocation({ coords: { latitude: 29.3562123, longitude: 105.9273101, accuracy: 12.4 }, timestamp: FIX_TIME });
    const { session } = renderEvidence(evidenceForm({ B5: SPOT }));
    expect(getCurrentPosition).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '获取位置' }));
    expect(getCurrentPosition.mock.calls[0]![2]).toMatchObject({ enableHighAccuracy: true, maximumAge: 0 });
    expect(session.data().B5).toBe('geo:29.356212,105.927310;u=12;t=2026-12-07T02:15:00Z');
    expect(screen.getByText('29.356212')).toBeInTheDocument();
    expect(screen.getByText('105.927310')).toBeInTheDocument();
    expect(screen.getByText('约 12 米')).toBeInTheDocument();
    expect(screen.queryByText(/精度较差/)).toBeNull();
  });

  it('says in Chinese that the position was refused, and keeps no value', () => {
    stubGeolocation({ code: ERRORS.PERMISSION_DENIED });
    const { session } = renderEvidence(evidenceForm({ B5: SPOT }));
    fireEvent.click(screen.getByRole('button', { name: '获取位置' }));
    expect(screen.getByRole('alert')).toHaveTextContent('未允许使用位置信息，无法获取位置');
    expect(session.data().B5).toBeUndefined();
  });

  it('keeps a poor fix but warns that it can be retried or corrected', () => {
    stubGeolocation({ coords: { latitude: 29.35, longitude: 105.92, accuracy: 850 }, timestamp: FIX_TIME });
    const { session } = renderEvidence(evidenceForm({ B5: SPOT }));
    fireEvent.click(screen.getByRole('button', { name: '获取位置' }));
    expect(screen.getByText('精度较差（约 850 米），可重试或手动修改')).toBeInTheDocument();
    expect(parseLocation(session.data().B5 as string)?.accuracy).toBe(850);
  });

  it('takes coordinates typed by hand, checks them, and marks them src=manual', () => {
    const { session } = renderEvidence(evidenceForm({ B5: SPOT }), { B5: 'geo:29.350000,105.920000;u=850;t=2026-12-07T02:15:00Z' });
    fireEvent.click(screen.getByRole('button', { name: '手动修改' }));
    expect(screen.getByLabelText('纬度')).toHaveValue('29.350000');
    fireEvent.change(screen.getByLabelText('纬度'), { target: { value: '95' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(screen.getByRole('alert')).toHaveTextContent('纬度应为 -90 到 90 之间的数');
    fireEvent.change(screen.getByLabelText('纬度'), { target: { value: '29.3571' } });
    fireEvent.change(screen.getByLabelText('经度'), { target: { value: '105.9288' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    const value = session.data().B5 as string;
    expect(value).toMatch(/^geo:29\.357100,105\.928800;t=.*;src=manual$/);
    expect(parseLocation(value)).toMatchObject({ latitude: 29.3571, longitude: 105.9288, accuracy: null, manual: true });
    expect(screen.getByText('手动填写')).toBeInTheDocument();
  });

  it('shows a location read-only as coordinates, without the buttons', () => {
    renderEvidence(evidenceForm({ B5: SPOT }), { B5: 'geo:29.356212,105.927310;u=12;t=2026-12-07T02:15:00Z' }, { readOnlyView: true });
    expect(screen.getByText('29.356212')).toBeInTheDocument();
    expect(screen.getByText('2026/12/7 10:15')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '获取位置' })).toBeNull();
  });
});
