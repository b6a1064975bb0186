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
    <div className="choice-buttons multiple" role="group" id={id}>
      {enumOptions.map((option) => (
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
