// Codes made of digits (行政区划代码): the numeric keypad, digits only.
import type { WidgetProps } from '@rjsf/utils';
import { TextInput } from './TextInput';

export function DigitsWidget(props: WidgetProps) {
  return <TextInput {...props} clean={(text) => text.replace(/\D/g, '')} inputProps={{ inputMode: 'numeric', maxLength: 12 }} />;
}
