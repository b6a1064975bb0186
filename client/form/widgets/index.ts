// The widgets the renderer knows by name: buildUiSchema picks them from each field's schema, and
// a definition may name one in "ui:widget". Each is connected to the live form state (connect.tsx);
// numbers, which drive most computed values, keep what is typed in their own input.
import type { RegistryWidgetsType } from '@rjsf/utils';
import { CheckboxesWidget } from './CheckboxesWidget';
import { connect, connectTyped } from './connect';
import { ChoiceButtonsWidget } from './ChoiceButtonsWidget';
import { ChoiceListWidget } from './ChoiceListWidget';
import { ComputedWidget } from './ComputedWidget';
import { DigitsWidget } from './DigitsWidget';
import { LocationWidget, PhotoWidget, SignatureWidget } from './evidence';
import { IdNumberWidget } from './IdNumberWidget';
import { DateWidget, YearMonthWidget } from './NativePickerWidget';
import { MoneyWidget, NumberWidget } from './NumberWidget';
import { PhoneWidget } from './PhoneWidget';
import { TextareaWidget } from './TextareaWidget';
import { TextWidget } from './TextWidget';
import { YesNoWidget } from './YesNoWidget';

export const widgets: RegistryWidgetsType = {
  TextWidget: connect(TextWidget),
  text: connect(TextWidget),
  textarea: connect(TextareaWidget),
  number: connectTyped(NumberWidget),
  money: connectTyped(MoneyWidget),
  yesNo: connect(YesNoWidget),
  choiceButtons: connect(ChoiceButtonsWidget),
  radio: connect(ChoiceButtonsWidget),
  choiceList: connect(ChoiceListWidget),
  select: connect(ChoiceListWidget),
  checkboxes: connect(CheckboxesWidget),
  idNumber: connect(IdNumberWidget),
  phone: connect(PhoneWidget),
  digits: connect(DigitsWidget),
  yearMonth: connect(YearMonthWidget),
  date: connect(DateWidget),
  photo: connect(PhotoWidget),
  signature: connect(SignatureWidget),
  location: connect(LocationWidget),
  computed: ComputedWidget,
};
