// A value the form computes (A33 家庭纯收入…): shown as a result, not an input. It follows every
// keystroke of the fields it depends on by writing its text itself when the live form state
// changes, in the same task as the keystroke: no React render per keystroke, nothing late a frame.
import { useLayoutEffect, useRef } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { labelOf } from '@engine';
import { t } from '../../i18n/t';
import { pointerOfId, readerOf } from '../pointers';
import { useStoreInstance } from '../useFormStore';

const NOTHING_SHOWN = Symbol('nothing shown');
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
  const store = useStoreInstance();
  const read = readerOf(pointerOfId(id));
  const money = options.money === true;
  const ref = useRef<HTMLOutputElement>(null);
  useLayoutEffect(() => {
    // One text node whose text changes: replacing the node (textContent) would restyle it each time.
    const text = ref.current!.appendChild(document.createTextNode(''));
    const stop = store.watch(read, NOTHING_SHOWN, (value) => { text.data = display(value, schema, money); });
    return () => {
      stop();
      text.remove();
    };
  }, [store, read, schema, money]);
  return <output id={id} className="computed" aria-live="polite" ref={ref} />;
}
