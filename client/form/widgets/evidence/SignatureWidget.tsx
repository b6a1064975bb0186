// A signature drawn on the screen (signature_pad on a canvas) by the household head or the
// officer, as ui:options.signer says: 清除 starts again, 确认签字 keeps the drawing as a PNG on the
// phone under its hash (keepFile) and puts its reference in the form. Once signed, the image is
// shown with 重新签字.
import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { t } from '../../../i18n/t';
import { rendererContext } from '../../theme/formContext';
import { keepFile } from './keepFile';
import { SAMPLE_SIGNATURE, SampleToggle } from './SampleToggle';
import { SignatureDisplay, signerLabel, signerOf } from './SignatureDisplay';

function bytesOfDataUrl(url: string): Uint8Array {
  const text = atob(url.slice(url.indexOf(',') + 1));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function Pad({ label, onSigned }: { label: string; onSigned(bytes: Uint8Array): Promise<void> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const element = canvas.current!;
    // Drawn at the screen's own resolution, so the strokes are sharp on a phone.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = (element.offsetWidth || 320) * ratio;
    element.height = (element.offsetHeight || 160) * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    let drawing: SignaturePad;
    try {
      drawing = new SignaturePad(element, { backgroundColor: 'rgb(255,255,255)' });
    } catch {
      // No 2D canvas (an old WebView, a test page): say so rather than break the whole form.
      return void setProblem(t('ev_cannotDraw'));
    }
    drawing.addEventListener('beginStroke', () => setProblem(null));
    pad.current = drawing;
    return () => {
      drawing.off();
      pad.current = null;
    };
  }, []);
  const confirm = async () => {
    const drawing = pad.current;
    if (!drawing || drawing.isEmpty()) return setProblem(t('ev_signFirst'));
    setBusy(true);
    try {
      await onSigned(bytesOfDataUrl(drawing.toDataURL('image/png')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="signature-pad">
      <canvas ref={canvas} aria-label={`${label}：${t('ev_signHere')}`} />
      <div className="signature-actions">
        <button type="button" onClick={() => { pad.current?.clear(); setProblem(null); }}>{t('ev_clearSignature')}</button>
        <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>{t('ev_confirmSignature')}</button>
      </div>
      {problem ? <p className="field-note error" role="alert">{problem}</p> : null}
    </div>
  );
}

export function SignatureWidget({ id, value, onChange, onBlur, options, disabled, readonly, registry }: WidgetProps) {
  const signer = signerOf(options);
  const reference = typeof value === 'string' && value !== '' ? value : null;
  const locked = disabled || readonly;
  const set = (next: string | undefined) => {
    onChange(next);
    onBlur(id, next);
  };
  if (rendererContext(registry).evidenceSamples) {
    return <SampleToggle id={id} present={reference !== null} disabled={locked} onChange={(present) => set(present ? SAMPLE_SIGNATURE : undefined)} />;
  }
  if (reference || locked) {
    return (
      <div className="signature-widget" id={id}>
        <SignatureDisplay reference={reference} signer={signer} />
        {reference && !locked ? <button type="button" onClick={() => set(undefined)}>{t('ev_signAgain')}</button> : null}
      </div>
    );
  }
  return (
    <div className="signature-widget" id={id}>
      <Pad label={signerLabel(signer)} onSigned={async (bytes) => set(await keepFile(bytes, 'png', 'signature'))} />
    </div>
  );
}
