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
