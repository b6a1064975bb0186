// A value as the paper sheet prints it: a choice by its label (the engine's labelOf), a drawn
// signature as its image or a blank line to sign on paper, photos as small images, a position as
// its coordinates, and an empty field as a blank line to write on.
import { evidenceKind, labelOf, parseAttachmentReference, parseLocation, type FieldInfo } from '@engine';
import { t } from '../../../i18n/tReviewer';

/** Where a stored photo or signature is served (the server checks who may see it). */
export function attachmentUrl(reference: string): string | null {
  return parseAttachmentReference(reference) ? `/api/attachments/${reference}` : null;
}

function Blank({ label }: { label: string }) {
  return <span className="sheet-blank" role="img" aria-label={label}>&nbsp;</span>;
}

function empty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export function SignatureValue({ field, value }: { field: FieldInfo; value: unknown }) {
  const url = typeof value === 'string' ? attachmentUrl(value) : null;
  if (!url) return <Blank label={t('pr_toSign', { title: field.title })} />;
  return <img className="sheet-signature" src={url} alt={t('pr_signed', { title: field.title })} />;
}

export function SheetValue({ field, value }: { field: FieldInfo; value: unknown }) {
  if (empty(value)) return <Blank label={t('pr_blank', { title: field.title })} />;
  const kind = evidenceKind(field.schema);
  if (kind === 'signature') return <SignatureValue field={field} value={value} />;
  if (kind === 'photo') {
    const references = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    return (
      <span className="sheet-photos">
        {references.map((reference, n) => {
          const url = attachmentUrl(reference);
          return url ? <img key={reference} src={url} alt={t('pr_photo', { title: field.title, n: n + 1 })} /> : null;
        })}
      </span>
    );
  }
  if (kind === 'location' && typeof value === 'string') {
    const at = parseLocation(value);
    if (!at) return <span>{value}</span>;
    const accuracy = at.accuracy === null ? '' : t('pr_accuracy', { m: at.accuracy });
    return <span>{t('pr_position', { lat: at.latitude.toFixed(6), lon: at.longitude.toFixed(6) })}{accuracy}{at.manual ? t('pr_manual') : ''}</span>;
  }
  return <span>{labelOf(field.schema, value)}</span>;
}
