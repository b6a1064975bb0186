// A value the form computes (A33 家庭纯收入…): shown as a result, not an input, read from the
// live form state so it follows every keystroke of the fields it depends on.
import type { WidgetProps } from '@rjsf/utils';
import { labelOf } from '../../../engine/index';
import { t } from '../../i18n/t';
import { pointerOfId, readerOf } from '../pointers';
import { useFormStore } from '../useFormStore';

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

function display(value: unknown, schema: WidgetProps['schema'], money: boolean): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number') {
    const text = NUMBER.format(value);
    return money ? `${text} ${t('yuan')}` : text;
  }
  return labelOf(schema, value);
}

export function ComputedWidget({ id, schema, options }: WidgetProps) {
  const read = readerOf(pointerOfId(id));
  const value = useFormStore((s) => read(s.data));
  const money = options.money === true;
  return (
    <output id={id} className="computed" aria-live="polite">
      {display(value, schema, money)}
    </output>
  );
}
