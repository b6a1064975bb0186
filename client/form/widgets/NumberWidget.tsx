// Numbers and money (元): a text input with a numeric keyboard that keeps what is being typed
// ("12.", "-") while giving the form a number as soon as there is one. Integers refuse decimals.
import { useEffect, useState, type ChangeEvent } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { t } from '../../i18n/t';

function parse(text: string, integer: boolean): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-' || trimmed === '.') return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return undefined;
  return integer ? Math.trunc(n) : n;
}

export function NumberWidget(props: WidgetProps & { unit?: string }) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, schema, placeholder, rawErrors } = props;
  const integer = schema.type === 'integer';
  const [text, setText] = useState(value === undefined || value === null ? '' : String(value));
  useEffect(() => {
    if (parse(text, integer) !== value) setText(value === undefined || value === null ? '' : String(value));
    // Only an outside change of the value resets the text being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value.replace(/[，,\s]/g, '');
    if (!/^-?\d*(\.\d*)?$/.test(next) || (integer && next.includes('.'))) return;
    setText(next);
    onChange(parse(next, integer));
  };
  const unit = props.unit ?? (props.options.unit as string | undefined);
  return (
    <div className="input-with-unit">
      <input
        id={id}
        name={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={disabled || readonly}
        placeholder={placeholder}
        aria-invalid={rawErrors?.length ? true : undefined}
        onChange={change}
        onBlur={() => onBlur(id, parse(text, integer))}
        onFocus={() => onFocus(id, value)}
      />
      {unit ? <span className="unit">{unit}</span> : null}
    </div>
  );
}

export function MoneyWidget(props: WidgetProps) {
  return <NumberWidget {...props} unit={t('yuan')} />;
}
