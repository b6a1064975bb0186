// The links residents apply from (纳入监测申请, issue 17), one per registered county, for the
// administrator to publish as a link or as its QR code (ApplyQrCode), which can be downloaded and
// printed. The page itself is /apply/<county code>, with no account.
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/tAdmin';
import { adminApi } from './adminApi';
import { ApplyQrCode } from './ApplyQrCode';

export function ApplyLinks() {
  const { value } = useLoad(() => adminApi.divisions(), []);
  const counties = (value ?? []).filter((d) => d.code.length === 6);
  if (counties.length === 0) return null;
  return (
    <section className="apply-links">
      <h2>{t('ad_applyLinks')}</h2>
      <p className="muted">{t('ad_applyLinksHint')}</p>
      <ul>
        {counties.map((county) => {
          const url = `${window.location.origin}/apply/${county.code}`;
          return (
            <li key={county.code}>
              {county.name}：<a href={url} target="_blank" rel="noreferrer">{url}</a>
              <ApplyQrCode url={url} name={county.name} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
