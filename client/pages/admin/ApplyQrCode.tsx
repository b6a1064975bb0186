// The QR code of a county's application link (纳入监测申请, issue 17), drawn in the page as SVG from
// the `qrcode` package's own module matrix (no image request, nothing for the CSP to allow), with a
// download of the same SVG for a poster or the village's notice board. Error correction M, and the
// four-module quiet zone the standard asks for.
import { create } from 'qrcode';
import { useMemo } from 'react';
import { t } from '../../i18n/tAdmin';

const QUIET = 4;

/** The QR code of `text`: its side in modules (quiet zone included) and one SVG path of its dark modules. */
export function qrPath(text: string): { side: number; path: string } {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y * size + x]) parts.push(`M${x + QUIET} ${y + QUIET}h1v1h-1z`);
  }
  return { side: size + 2 * QUIET, path: parts.join('') };
}

/** The same picture as a standalone SVG file. */
export function qrSvgFile(text: string): string {
  const { side, path } = qrPath(text);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 10}" height="${side * 10}" shape-rendering="crispEdges">`
    + `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

export function ApplyQrCode({ url, name }: { url: string; name: string }) {
  const { side, path } = useMemo(() => qrPath(url), [url]);
  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([qrSvgFile(url)], { type: 'image/svg+xml' }));
    link.download = `${name}-纳入监测申请二维码.svg`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  return (
    <figure className="apply-qr">
      <svg role="img" aria-label={t('ad_applyQr', { name, url })} viewBox={`0 0 ${side} ${side}`} width={side * 4} height={side * 4}
        shapeRendering="crispEdges" data-url={url}>
        <rect width={side} height={side} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption><button type="button" onClick={download}>{t('ad_applyQrDownload')}</button></figcaption>
    </figure>
  );
}
