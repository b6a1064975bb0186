// Connects a widget to the live form state: its value is read from the FormStore at the widget's
// pointer and a change goes straight to the session. A keystroke therefore re-renders only the
// field typed in and the values computed from it, and never enters rjsf's own change path (which
// clones the whole form's data and recomputes its defaults on every change: too slow for a
// 250-field form on a cheap phone). rjsf still lays the form out and picks each widget.
import { useCallback, useLayoutEffect, useReducer, useRef, type ComponentType } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { DATA_KEYS } from '../FormStore';
import { pointerOfId, readerOf } from '../pointers';
import { rendererContext } from '../theme/formContext';
import { useFormStore, useStoreInstance } from '../useFormStore';

export function connect(Widget: ComponentType<WidgetProps>): ComponentType<WidgetProps> {
  function Connected(props: WidgetProps) {
    const { session } = rendererContext(props.registry);
    const pointer = pointerOfId(props.id);
    const read = readerOf(pointer);
    const value = useFormStore((s) => read(s.data), DATA_KEYS);
    const onChange = useCallback((next: unknown) => session.set(pointer, next), [session, pointer]);
    const onBlur = useCallback((id: string) => session.blur(id), [session]);
    return <Widget {...props} value={value} onChange={onChange} onBlur={onBlur} />;
  }
  Connected.displayName = `Connected(${Widget.displayName ?? Widget.name})`;
  return Connected;
}

/**
 * For a widget that keeps what is typed in its own (uncontrolled) input: it re-renders when its
 * value changes from elsewhere (the engine dropped it, the registry's value was restored, a row
 * was removed), not after its own keystrokes, which then cost no React render of the field. Each
 * render hands it the form's current value, which it shows unless what is typed already means it.
 */
export function connectTyped(Widget: ComponentType<WidgetProps>): ComponentType<WidgetProps> {
  function ConnectedTyped(props: WidgetProps) {
    const { session } = rendererContext(props.registry);
    const store = useStoreInstance();
    const pointer = pointerOfId(props.id);
    const read = readerOf(pointer);
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    const typing = useRef(false);
    const value = read(store.get().data);
    // Re-render when the value changes, unless this widget's own keystroke changed it.
    useLayoutEffect(() => store.watch(read, value, () => {
      if (!typing.current) rerender();
    }), [store, read, value]);
    const onChange = useCallback((next: unknown) => {
      typing.current = true;
      try {
        session.set(pointer, next);
      } finally {
        typing.current = false;
      }
      // The form keeps something else than was typed (blank text is "not filled"): show it.
      if (!Object.is(read(store.get().data), next)) rerender();
    }, [session, store, pointer, read]);
    const onBlur = useCallback((id: string) => session.blur(id), [session]);
    return <Widget {...props} value={value} onChange={onChange} onBlur={onBlur} />;
  }
  ConnectedTyped.displayName = `ConnectedTyped(${Widget.displayName ?? Widget.name})`;
  return ConnectedTyped;
}
