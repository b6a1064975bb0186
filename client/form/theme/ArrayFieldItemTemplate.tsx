// One row of a table as a card titled by name first ("1 陈小红 · 女", rowTitle.ts), with a
// two-step delete (a slip of the thumb must not lose a member). Rows that arrive filled (the
// registry's members) start collapsed, so a ten-member household reads as ten lines; a new row,
// or one with issues to show or a reviewer's note, opens by itself. A collapsed card renders only
// its title: its fields are mounted when it opens, so the fields nobody looks at cost nothing on a keystroke
// (React's subscriptions, style and layout, and Chrome's autofill, which reads every control of
// the <form> after each change).
import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import type { ArrayFieldItemTemplateProps } from '@rjsf/utils';
import { keyOfPointer, valueAt } from '@engine';
import { t } from '../../i18n/t';
import { pointerOfPath } from '../pointers';
import { DATA_KEYS, SHOWN_ISSUES_KEYS } from '../FormStore';
import { useFormStore } from '../useFormStore';
import { rendererContext } from './formContext';
import { rowTitle, titleColumns } from './rowTitle';

export function ArrayFieldItemTemplate({ children, index, buttonsProps, readonly, disabled, parentUiSchema, registry }: ArrayFieldItemTemplateProps) {
  const pointer = pointerOfPath(buttonsProps.fieldPathId.path);
  const { session } = rendererContext(registry);
  const named = (parentUiSchema?.['ui:options'] as { rowTitle?: string[] } | undefined)?.rowTitle;
  const table = keyOfPointer(pointer.slice(0, pointer.lastIndexOf('/')));
  const columns = useMemo(() => titleColumns(session.form.index, table), [session, table]);
  const title = useFormStore((s) => rowTitle(valueAt(s.data, pointer), named, columns), DATA_KEYS);
  const hasIssues = useFormStore((_s, store) => store.hasShownIssuesWithin(pointer) || store.hasNotesWithin(pointer), SHOWN_ISSUES_KEYS);
  const [open, setOpen] = useState(() => title === '');
  useEffect(() => {
    if (hasIssues) setOpen(true);
  }, [hasIssues]);
  // The card opens and closes itself (a tap on its title, or jumpToField setting `open`): follow it.
  const toggled = (event: SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(timer);
  }, [confirming]);
  return (
    <details className="row-card" open={open} onToggle={toggled} data-pointer={pointer}>
      <summary>
        <span className="row-number">{index + 1}</span> {title || t('row', { n: index + 1 })}
      </summary>
      {open ? <div className="row-body">{children}</div> : null}
      {open && buttonsProps.hasRemove && !readonly && !disabled ? (
        <div className="row-actions">
          <button
            type="button"
            className={confirming ? 'danger' : 'quiet'}
            onClick={() => (confirming ? session.removeRow(pointer.slice(0, pointer.lastIndexOf('/')), index) : setConfirming(true))}
          >
            {confirming ? t('removeRowConfirm', { n: index + 1 }) : t('removeRow')}
          </button>
        </div>
      ) : null}
    </details>
  );
}
