// Long text (家庭困难现状描述): grows with what is written, with its character count.
import type { WidgetProps } from '@rjsf/utils';
import { CharacterCount } from './CharacterCount';

export function TextareaWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder, rawErrors, schema }: WidgetProps) {
  return (
    <>
      <textarea
        id={id}
        name={id}
        rows={5}
        spellCheck={false}
        value={value === undefined || value === null ? '' : String(value)}
        disabled={disabled || readonly}
        placeholder={placeholder}
        maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
        aria-invalid={rawErrors?.length ? true : undefined}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        onBlur={(event) => onBlur(id, event.target.value)}
        onFocus={(event) => onFocus(id, event.target.value)}
      />
      <CharacterCount value={value} schema={schema} />
    </>
  );
}
