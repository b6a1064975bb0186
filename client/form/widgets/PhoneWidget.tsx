// Mobile (11 digits) or landline: the phone keypad, digits and a dash only.
import type { WidgetProps } from '@rjsf/utils';
import { explainMobilePhone, explainPhone } from '@engine';
import { TextInput } from './TextInput';

export function PhoneWidget(props: WidgetProps) {
  const value = typeof props.value === 'string' ? props.value : '';
  const mobile = props.schema.format === 'mobile-phone';
  const done = mobile ? value.length >= 11 : value.length >= 11 || value.includes('-');
  const problem = done ? (mobile ? explainMobilePhone(value) : explainPhone(value)) : null;
  return (
    <>
      <TextInput {...props} clean={(text) => text.replace(/[^\d-]/g, '')} inputProps={{ type: 'tel', inputMode: 'tel', maxLength: 13 }} />
      {problem ? <div className="id-info bad" aria-live="polite">✗ {problem}</div> : null}
    </>
  );
}
