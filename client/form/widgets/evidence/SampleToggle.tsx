// In the builder's preview, a photo or signature is "present" or "missing" rather than taken: 有
// puts the fixed sample reference (the SHA-256 of "abc"), 无 clears it, so a test case can say
// what a rule does either way (the design's "present"/"missing").
import { t } from '../../../i18n/t';

export const SAMPLE_PHOTO = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.jpg';
export const SAMPLE_SIGNATURE = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png';

interface Props {
  id: string;
  present: boolean;
  onChange(present: boolean): void;
  disabled?: boolean;
  /** The group's name where no field label names it (the builder's cases tab). */
  label?: string;
}

export function SampleToggle({ id, present, onChange, disabled, label }: Props) {
  return (
    <div className="choice-buttons sample-toggle" role="radiogroup" id={id} title={t('ev_sampleNote')} aria-label={label}>
      {[true, false].map((option) => (
        // biome-ignore lint/a11y/useSemanticElements: the same large radio-like buttons as 是/否 (YesNoWidget).
        <button key={String(option)} type="button" role="radio" aria-checked={present === option} className={present === option ? 'chosen' : ''}
          disabled={disabled} onClick={() => onChange(option)}>
          {option ? t('ev_samplePresent') : t('ev_sampleMissing')}
        </button>
      ))}
    </div>
  );
}
