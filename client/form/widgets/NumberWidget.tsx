// Numbers and money (元): a text input with a numeric keyboard that keeps what is being typed
// ("12.", "-") while giving the form a number as soon as there is one. Integers refuse decimals,
// and a 16th digit is refused with a word at the field: a number that long would lose digits
// (a 20-digit A28 would read 12,345,678,901,234,567,000 in every total).
// The input is uncontrolled (connected with connectTyped): a keystroke writes nothing back to it,
// and a value set from elsewhere replaces the text unless the text already means that value.
import { useLayoutEffect, useRef, type ChangeEvent } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { t } from '../../i18n/t';

function parse(text: string, integer: boolean): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-' || trimmed === '.') return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return undefined;
  return integer ? Math.trunc(n) : n;
}

/** Digits a number may have and still be kept exactly (a double holds any 15 significant digits). */
export const MAX_NUMBER_DIGITS = 15;

const significantDigits = (text: string) => text.replace(/[-.]/g, '').replace(/^0+/, '').length;

function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

export function NumberWidget(props: WidgetProps & { unit?: string }) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, schema, placeholder, rawErrors } = props;
  const integer = schema.type === 'integer';
  const ref = useRef<HTMLInputElement>(null);
  // The text last accepted: what an invalid keystroke is undone to.
  const accepted = useRef(textOf(value));
  // Shown and hidden by hand, as the text is: a render of its own would put back the form's value.
  const note = useRef<HTMLSpanElement>(null);
  const tooLong = (shown: boolean) => {
    note.current!.hidden = !shown;
  };
  useLayoutEffect(() => {
    const input = ref.current!;
    if (parse(input.value, integer) !== value) input.value = accepted.current = textOf(value);
  });
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const next = input.value.replace(/[，,\s]/g, '');
    if (!/^-?\d*(\.\d*)?$/.test(next) || (integer && next.includes('.'))) {
      input.value = accepted.current;
      return;
    }
    if (significantDigits(next) > MAX_NUMBER_DIGITS) {
      input.value = accepted.current;
      tooLong(true);
      return;
    }
    tooLong(false);
    if (next !== input.value) input.value = next;
    accepted.current = next;
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
        ref={ref}
        defaultValue={accepted.current}
        disabled={disabled || readonly}
        placeholder={placeholder}
        aria-invalid={rawErrors?.length ? true : undefined}
        onChange={change}
        onBlur={() => onBlur(id, parse(accepted.current, integer))}
        onFocus={() => onFocus(id, value)}
      />
      {unit ? <span className="unit">{unit}</span> : null}
      <span className="field-note error" role="alert" ref={note} hidden>{t('numberTooLong', { n: MAX_NUMBER_DIGITS })}</span>
    </div>
  );
}

export function MoneyWidget(props: WidgetProps) {
  return <NumberWidget {...props} unit={t('yuan')} />;
}
