// A location as the reviewer reads it: 纬度 / 经度, the accuracy in metres, the time of the fix in
// China time, and whether it was typed by hand. A value that is not a location is shown as it is.
import { parseLocation } from '@engine';
import { t } from '../../../i18n/t';

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

export function LocationDisplay({ value }: { value: string | null | undefined }) {
  if (!value) return <output className="value">{t('ev_none')}</output>;
  const location = parseLocation(value);
  if (!location) return <output className="value">{value}</output>;
  return (
    <dl className="location-value">
      <dt>{t('ev_latitude')}</dt><dd>{location.latitude.toFixed(6)}</dd>
      <dt>{t('ev_longitude')}</dt><dd>{location.longitude.toFixed(6)}</dd>
      {location.accuracy !== null ? <><dt>{t('ev_accuracy')}</dt><dd>{t('ev_meters', { n: Math.round(location.accuracy) })}</dd></> : null}
      {location.at ? <><dt>{t('ev_time')}</dt><dd>{TIME.format(new Date(location.at))}</dd></> : null}
      {location.manual ? <dd className="manual-mark">{t('ev_manualMark')}</dd> : null}
    </dl>
  );
}
