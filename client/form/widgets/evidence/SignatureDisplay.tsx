// A drawn signature as its image, labelled with who signs (户主 / 信息采集员). Read-only views and
// the print view use it; the signature widget shows it once the signature is confirmed.
import { t } from '../../../i18n/t';
import { useFileUrl } from './useFileUrl';

export type Signer = 'household' | 'officer';

/** Who signs, from the field's ui:options.signer; null when the definition does not say. */
export function signerOf(options: Record<string, unknown> | undefined): Signer | null {
  const signer = options?.signer;
  return signer === 'household' || signer === 'officer' ? signer : null;
}

export function signerLabel(signer: Signer | null): string {
  return signer ? t(`ev_signer_${signer}`) : t('ev_signature');
}

export function SignatureDisplay({ reference, signer = null }: { reference: string | null | undefined; signer?: Signer | null }) {
  const url = useFileUrl(reference);
  if (!reference) return <output className="value">{t('ev_none')}</output>;
  return (
    <figure className="signature-image">
      {url ? <img src={url} alt={signerLabel(signer)} /> : null}
      <figcaption>{signerLabel(signer)}</figcaption>
    </figure>
  );
}
