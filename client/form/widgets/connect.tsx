// Connects a widget to the live form state: its value is read from the FormStore at the widget's
// pointer and a change goes straight to the session. A keystroke therefore re-renders only the
// field typed in and the values computed from it, and never enters rjsf's own change path (which
// clones the whole form's data and recomputes its defaults on every change: too slow for a
// 250-field form on a cheap phone). rjsf still lays the form out and picks each widget.
import { useCallback, type ComponentType } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { pointerOfId, readerOf } from '../pointers';
import { rendererContext } from '../theme/formContext';
import { useFormStore } from '../useFormStore';

export function connect(Widget: ComponentType<WidgetProps>): ComponentType<WidgetProps> {
  function Connected(props: WidgetProps) {
    const { session } = rendererContext(props.registry);
    const pointer = pointerOfId(props.id);
    const read = readerOf(pointer);
    const value = useFormStore((s) => read(s.data));
    const onChange = useCallback((next: unknown) => session.set(pointer, next), [session, pointer]);
    const onBlur = useCallback((id: string) => session.blur(id), [session]);
    return <Widget {...props} value={value} onChange={onChange} onBlur={onBlur} />;
  }
  Connected.displayName = `Connected(${Widget.displayName ?? Widget.name})`;
  return Connected;
}
