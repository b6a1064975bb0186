// The text input every text-like widget builds on: empty means "not filled" (undefined), the
// keyboard suits the content, and leaving it reports the value.
import type { InputHTMLAttributes } from 'react';
import type { WidgetProps } from '@rjsf/utils';

export type TextInputProps = WidgetProps & {
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
  /** Rewrites what is typed (upper-case X, digits only…). */
  clean?: (text: string) => string;
};

export function TextInput({ id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder, rawErrors, schema, inputProps, clean }: TextInputProps) {
  return (
    <input
      id={id}
      name={id}
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={value === undefined || value === null ? '' : String(value)}
      disabled={disabled || readonly}
      placeholder={placeholder}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      aria-invalid={rawErrors?.length ? true : undefined}
      onChange={(event) => {
        const text = clean ? clean(event.target.value) : event.target.value;
        onChange(text === '' ? undefined : text);
      }}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
      {...inputProps}
    />
  );
}
