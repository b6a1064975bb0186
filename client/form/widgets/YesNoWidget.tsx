// 是 / 否 as two big buttons (a radio group for assistive technology); choosing counts as leaving
// the field, so its issues show at once.
import type { WidgetProps } from '@rjsf/utils';
import { t } from '../../i18n/t';

export function YesNoWidget({ id, value, onChange, onBlur, disabled, readonly }: WidgetProps) {
  const choose = (next: boolean) => {
    onChange(value === next ? undefined : next);
    onBlur(id, next);
  };
  return (
    <div className="choice-buttons yes-no" role="radiogroup" id={id}>
      {[true, false].map((option) => (
        // biome-ignore lint/a11y/useSemanticElements: a large tap-target button (officers on phones) acting as a radio, with aria-checked; a native input would need a label-wrapped re-styling for no change in what a screen reader hears.
        <button
          key={String(option)}
          type="button"
          role="radio"
          aria-checked={value === option}
          className={value === option ? 'chosen' : ''}
          disabled={disabled || readonly}
          onClick={() => choose(option)}
        >
          {option ? t('yes') : t('no')}
        </button>
      ))}
    </div>
  );
}
