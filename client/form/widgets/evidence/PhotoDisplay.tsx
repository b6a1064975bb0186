// Photos as thumbnails; a tap shows one at full size over the page (another tap, or 关闭, closes
// it). Used read-only (the reviewer's page, the print view) and under the officer's photo widget.
import { useState, type ReactNode } from 'react';
import { t } from '../../../i18n/t';
import { useFileUrl } from './useFileUrl';

function Thumbnail({ reference, n, onOpen }: { reference: string; n: number; onOpen(): void }) {
  const url = useFileUrl(reference);
  return (
    <button type="button" className="photo-thumb" onClick={onOpen} aria-label={t('ev_openFull', { n })}>
      {url ? <img src={url} alt={t('ev_photoN', { n })} loading="lazy" /> : <span className="muted">{t('ev_photoN', { n })}</span>}
    </button>
  );
}

function FullSize({ reference, n, onClose }: { reference: string; n: number; onClose(): void }) {
  const url = useFileUrl(reference);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the 关闭 button inside is the keyboard's way out; a tap anywhere on the photo is a convenience on phones.
    <div className="photo-full" role="dialog" aria-modal="true" aria-label={t('ev_photoN', { n })} onClick={onClose}>
      {url ? <img src={url} alt={t('ev_photoN', { n })} /> : null}
      <button type="button" onClick={onClose}>{t('ev_close')}</button>
    </div>
  );
}

export interface PhotoDisplayProps {
  references: readonly string[];
  /** Shown after each thumbnail (the widget's 删除 button). */
  action?: (reference: string, index: number) => ReactNode;
}

export function PhotoDisplay({ references, action }: PhotoDisplayProps) {
  const [open, setOpen] = useState<number | null>(null);
  if (references.length === 0) return <output className="value">{t('ev_none')}</output>;
  return (
    <>
      <ul className="photo-list">
        {references.map((reference, i) => (
          <li key={reference}>
            <Thumbnail reference={reference} n={i + 1} onOpen={() => setOpen(i)} />
            {action?.(reference, i)}
          </li>
        ))}
      </ul>
      {open !== null && references[open] ? <FullSize reference={references[open]} n={open + 1} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
