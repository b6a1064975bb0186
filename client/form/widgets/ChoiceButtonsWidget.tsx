// A single choice among a few options, shown as the seed prints them: buttons in a row that wrap
// on a phone. Choosing the chosen option again clears it.
import type { WidgetProps } from '@rjsf/utils';

export function ChoiceButtonsWidget({ id, value, onChange, onBlur, disabled, readonly, options }: WidgetProps) {
  return (
    <div className="choice-buttons" role="radiogroup" id={id}>
      {(options.enumOptions ?? []).map((option) => (
        // biome-ignore lint/a11y/useSemanticElements: a large tap-target button (officers on phones) acting as a radio, with aria-checked; a native input would need a label-wrapped re-styling for no change in what a screen reader hears.
        <button
          key={String(option.value)}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          className={value === option.value ? 'chosen' : ''}
          disabled={disabled || readonly}
          onClick={() => {
            onChange(value === option.value ? undefined : option.value);
            onBlur(id, option.value);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
