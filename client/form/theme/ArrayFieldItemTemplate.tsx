// One row of a table as a card titled with the row's first values ("1 张德明 · 户主"), collapsible,
// with a two-step delete (a slip of the thumb must not lose a member).
import { useEffect, useState } from 'react';
import type { ArrayFieldItemTemplateProps } from '@rjsf/utils';
import { valueAt } from '../../../engine/index';
import { t } from '../../i18n/t';
import { pointerOfPath } from '../pointers';
import { useFormStore } from '../useFormStore';

function rowTitle(row: unknown, columns: string[] | undefined): string {
  if (row === null || typeof row !== 'object') return '';
  const values = columns ? columns.map((c) => (row as Record<string, unknown>)[c]) : Object.values(row);
  return values.filter((v) => typeof v === 'string' && v.length > 0 && v.length <= 20).slice(0, 2).join(' · ');
}

export function ArrayFieldItemTemplate({ children, index, buttonsProps, readonly, disabled, parentUiSchema }: ArrayFieldItemTemplateProps) {
  const pointer = pointerOfPath(buttonsProps.fieldPathId.path);
  const columns = (parentUiSchema?.['ui:options'] as { rowTitle?: string[] } | undefined)?.rowTitle;
  const title = useFormStore((s) => rowTitle(valueAt(s.data, pointer), columns));
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(timer);
  }, [confirming]);
  return (
    <details className="row-card" open data-pointer={pointer}>
      <summary>
        <span className="row-number">{index + 1}</span> {title || t('row', { n: index + 1 })}
      </summary>
      <div className="row-body">{children}</div>
      {buttonsProps.hasRemove && !readonly && !disabled ? (
        <div className="row-actions">
          <button
            type="button"
            className={confirming ? 'danger' : 'quiet'}
            onClick={() => (confirming ? buttonsProps.onRemoveItem() : setConfirming(true))}
          >
            {confirming ? t('removeRowConfirm', { n: index + 1 }) : t('removeRow')}
          </button>
        </div>
      ) : null}
    </details>
  );
}
