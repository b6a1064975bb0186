// The widgets the renderer knows by name: buildUiSchema picks them from each field's schema, and
// a definition may name one in "ui:widget".
import type { RegistryWidgetsType } from '@rjsf/utils';
import { CheckboxesWidget } from './CheckboxesWidget';
import { ChoiceButtonsWidget } from './ChoiceButtonsWidget';
import { ChoiceListWidget } from './ChoiceListWidget';
import { ComputedWidget } from './ComputedWidget';
import { DigitsWidget } from './DigitsWidget';
import { IdNumberWidget } from './IdNumberWidget';
import { DateWidget, YearMonthWidget } from './NativePickerWidget';
import { MoneyWidget, NumberWidget } from './NumberWidget';
import { PhoneWidget } from './PhoneWidget';
import { TextareaWidget } from './TextareaWidget';
import { TextWidget } from './TextWidget';
import { YesNoWidget } from './YesNoWidget';

export const widgets: RegistryWidgetsType = {
  TextWidget,
  text: TextWidget,
  textarea: TextareaWidget,
  number: NumberWidget,
  money: MoneyWidget,
  yesNo: YesNoWidget,
  choiceButtons: ChoiceButtonsWidget,
  radio: ChoiceButtonsWidget,
  choiceList: ChoiceListWidget,
  select: ChoiceListWidget,
  checkboxes: CheckboxesWidget,
  idNumber: IdNumberWidget,
  phone: PhoneWidget,
  digits: DigitsWidget,
  yearMonth: YearMonthWidget,
  date: DateWidget,
  computed: ComputedWidget,
};
