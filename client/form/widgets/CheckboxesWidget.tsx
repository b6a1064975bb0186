// Multiple choice (风险类型, 帮扶措施…): toggles that wrap on a phone, kept in the seed's order.
import type { WidgetProps } from '@rjsf/utils';

export function CheckboxesWidget({ id, value, onChange, onBlur, disabled, readonly, options }: WidgetProps) {
  const chosen: unknown[] = Array.isArray(value) ? value : [];
  const enumOptions = options.enumOptions ?? [];
  const toggle = (option: unknown) => {
    const set = new Set(chosen.includes(option) ? chosen.filter((v) => v !== option) : [...chosen, option]);
    const next = enumOptions.map((o) => o.value).filter((v) => set.has(v));
    onChange(next.length ? next : undefined);
    onBlur(id, next);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of large tap-target buttons (officers on phones); a fieldset would add its own border, padding and min-width: min-content to the wrapping row, and role="group" already gives what it would.
    <div className="choice-buttons multiple" role="group" id={id}>
      {enumOptions.map((option) => (
        // biome-ignore lint/a11y/useSemanticElements: a large tap-target button (officers on phones) acting as a checkbox, with aria-checked; a native input would need a label-wrapped re-styling for no change in what a screen reader hears.
        <button
          key={String(option.value)}
          type="button"
          role="checkbox"
          aria-checked={chosen.includes(option.value)}
          className={chosen.includes(option.value) ? 'chosen' : ''}
          disabled={disabled || readonly}
          onClick={() => toggle(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
