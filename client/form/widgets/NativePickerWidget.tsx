// Year-month and date as the phone's own pickers (type="month" / "date"), whose values are
// already the engine's formats (2021-09, 2021-09-30).
import type { WidgetProps } from '@rjsf/utils';
import { TextInput } from './TextInput';

export function YearMonthWidget(props: WidgetProps) {
  return <TextInput {...props} inputProps={{ type: 'month', placeholder: '2021-09' }} />;
}

export function DateWidget(props: WidgetProps) {
  return <TextInput {...props} inputProps={{ type: 'date' }} />;
}
