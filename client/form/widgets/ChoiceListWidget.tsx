// A single choice among many options (民族, 与户主关系…): the phone's own picker.
import type { WidgetProps } from '@rjsf/utils';
import { t } from '../../i18n/t';

export function ChoiceListWidget({ id, value, onChange, onBlur, disabled, readonly, options, rawErrors }: WidgetProps) {
  const enumOptions = options.enumOptions ?? [];
  const index = enumOptions.findIndex((o) => o.value === value);
  return (
    <select
      id={id}
      name={id}
      value={index < 0 ? '' : String(index)}
      disabled={disabled || readonly}
      aria-invalid={rawErrors?.length ? true : undefined}
      onChange={(event) => {
        const chosen = event.target.value === '' ? undefined : enumOptions[Number(event.target.value)]?.value;
        onChange(chosen);
        onBlur(id, chosen);
      }}
    >
      <option value="">{t('choose')}</option>
      {enumOptions.map((option, i) => (
        <option key={String(option.value)} value={String(i)}>{option.label}</option>
      ))}
    </select>
  );
}
