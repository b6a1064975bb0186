// One photo or several (an array with maxItems): 拍照 opens the phone's camera, 从相册选择 its
// gallery. Each picture is compressed (compressPhoto: long side and quality from ui:options),
// kept on the phone under its hash (keepFile) and only then put in the form's data, so the
// draft never refers to a file the phone does not hold. Thumbnails with 删除 below.
import { holdsSeveral } from '@engine';
import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { t } from '../../../i18n/t';
import { rendererContext } from '../../theme/formContext';
import { compressPhoto, photoOptions } from './compressPhoto';
import { photoReferences } from './EvidenceDisplay';
import { keepFile } from './keepFile';
import { PhotoDisplay } from './PhotoDisplay';
import { SAMPLE_PHOTO, SampleToggle } from './SampleToggle';

export function PhotoWidget({ id, value, onChange, onBlur, schema, options, disabled, readonly, registry }: WidgetProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const several = holdsSeveral(schema);
  const references = photoReferences(value);
  const limit = several ? (typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY) : 1;
  const locked = disabled || readonly;
  const set = (next: string[]) => {
    onChange(next.length === 0 ? undefined : several ? next : next[0]);
    onBlur(id, next);
  };

  if (rendererContext(registry).evidenceSamples) {
    return <SampleToggle id={id} present={references.length > 0} disabled={locked} onChange={(present) => set(present ? [SAMPLE_PHOTO] : [])} />;
  }

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const room = several ? limit - references.length : 1;
      const chosen = Array.from(files).slice(0, Math.max(0, room));
      const added: string[] = [];
      for (const file of chosen) added.push(await keepFile(await compressPhoto(file, photoOptions(options)), 'jpg', 'photo'));
      // One photo: a new one replaces it. Several: added after the others, once each.
      set(several ? [...new Set([...references, ...added])] : added);
      if (files.length > chosen.length) setProblem(t('ev_photoLimit', { n: limit }));
    } catch (error) {
      setProblem(t('ev_photoFailed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const full = several && references.length >= limit;
  const picker = (label: string, camera: boolean) => (
    <label className={`button photo-pick${locked || busy || full ? ' disabled' : ''}`}>
      {label}
      <input type="file" accept="image/*" hidden {...(camera ? { capture: 'environment' } : { multiple: several })} disabled={locked || busy || full}
        onChange={(event) => {
          void add(event.target.files);
          event.target.value = '';
        }} />
    </label>
  );
  return (
    <div className="photo-widget" id={id}>
      <PhotoDisplay references={references} action={locked ? undefined : (reference, i) => (
        <button type="button" className="link" onClick={() => set(references.filter((r) => r !== reference))}>{t('ev_removePhoto', { n: i + 1 })}</button>
      )} />
      {locked ? null : (
        <div className="photo-actions">
          {picker(t('ev_takePhoto'), true)}
          {picker(t('ev_fromGallery'), false)}
          {busy ? <span role="status">{t('ev_compressing')}</span> : null}
          {full && Number.isFinite(limit) ? <span className="field-note">{t('ev_photoLimit', { n: limit })}</span> : null}
        </div>
      )}
      {problem ? <p className="field-note error" role="alert">{problem}</p> : null}
    </div>
  );
}
