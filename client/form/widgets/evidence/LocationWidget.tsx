// The household's position, taken when the officer asks (获取位置, never silently): the phone's
// fix with high accuracy and a time limit, shown as 纬度/经度/精度/时间. A refusal or no signal
// gets a clear message, a poor fix (over 100 m) a warning, and 手动修改 lets the officer type the
// coordinates, marked as typed by hand (src=manual). The value is a geo URI (formatLocation).
import { formatLocation, parseLocation } from '@engine';
import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { t } from '../../../i18n/t';
import { LocationDisplay } from './LocationDisplay';

/** A fix less precise than this many metres is worth retrying or correcting. */
export const POOR_ACCURACY_M = 100;
const FIX_TIMEOUT_MS = 30_000;

function whyNoFix(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) return t('ev_locationDenied');
  if (error.code === error.TIMEOUT) return t('ev_locationTimeout');
  return t('ev_locationUnavailable');
}

function ManualEntry({ initial, onSave, onCancel }: { initial: { latitude: string; longitude: string }; onSave(latitude: number, longitude: number): void; onCancel(): void }) {
  const [latitude, setLatitude] = useState(initial.latitude);
  const [longitude, setLongitude] = useState(initial.longitude);
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    const lat = Number(latitude);
    const lon = Number(longitude);
    if (latitude.trim() === '' || !Number.isFinite(lat) || Math.abs(lat) > 90) return setProblem(t('ev_badLatitude'));
    if (longitude.trim() === '' || !Number.isFinite(lon) || Math.abs(lon) > 180) return setProblem(t('ev_badLongitude'));
    onSave(lat, lon);
  };
  return (
    <div className="location-manual">
      <label>{t('ev_latitude')}<input inputMode="decimal" value={latitude} onChange={(e) => setLatitude(e.target.value)} /></label>
      <label>{t('ev_longitude')}<input inputMode="decimal" value={longitude} onChange={(e) => setLongitude(e.target.value)} /></label>
      <button type="button" className="primary" onClick={save}>{t('ev_saveManual')}</button>
      <button type="button" onClick={onCancel}>{t('ev_cancel')}</button>
      {problem ? <p className="field-note error" role="alert">{problem}</p> : null}
    </div>
  );
}

export function LocationWidget({ id, value, onChange, onBlur, disabled, readonly }: WidgetProps) {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [manual, setManual] = useState(false);
  const text = typeof value === 'string' && value !== '' ? value : null;
  const current = text ? parseLocation(text) : null;
  const locked = disabled || readonly;
  const set = (next: string | undefined) => {
    onChange(next);
    onBlur(id, next);
  };
  const locate = () => {
    setProblem(null);
    setWarning(null);
    if (!('geolocation' in navigator)) return setProblem(t('ev_locationUnsupported'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const { latitude, longitude, accuracy } = position.coords;
        set(formatLocation({ latitude, longitude, accuracy, at: new Date(position.timestamp).toISOString().replace(/\.\d+Z$/, 'Z'), manual: false }));
        if (accuracy > POOR_ACCURACY_M) setWarning(t('ev_poorAccuracy', { n: Math.round(accuracy) }));
      },
      (error) => {
        setLocating(false);
        setProblem(whyNoFix(error));
      },
      { enableHighAccuracy: true, timeout: FIX_TIMEOUT_MS, maximumAge: 0 },
    );
  };
  return (
    <div className="location-widget" id={id}>
      {text ? <LocationDisplay value={text} /> : null}
      {locked ? (text ? null : <LocationDisplay value={null} />) : manual ? (
        <ManualEntry
          initial={{ latitude: current ? current.latitude.toFixed(6) : '', longitude: current ? current.longitude.toFixed(6) : '' }}
          onCancel={() => setManual(false)}
          onSave={(latitude, longitude) => {
            set(formatLocation({ latitude, longitude, accuracy: null, at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), manual: true }));
            setManual(false);
            setWarning(null);
            setProblem(null);
          }}
        />
      ) : (
        <div className="location-actions">
          <button type="button" className="primary" disabled={locating} onClick={locate}>{text ? t('ev_locateAgain') : t('ev_locate')}</button>
          <button type="button" onClick={() => setManual(true)}>{t('ev_manual')}</button>
          {text ? <button type="button" className="link" onClick={() => { set(undefined); setWarning(null); }}>{t('ev_clearLocation')}</button> : null}
          {locating ? <span role="status">{t('ev_locating')}</span> : null}
        </div>
      )}
      {warning ? <p className="field-note warning" role="status">{warning}</p> : null}
      {problem ? <p className="field-note error" role="alert">{problem}</p> : null}
    </div>
  );
}
