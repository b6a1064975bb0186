// A table of rows (家庭成员, 帮扶责任人…) usable on a phone: each row a card, an add button under
// them. The table's own title is shown here (the field frame leaves it out). Rows are added and
// removed by the session, which hands rjsf the new structure.
import type { ArrayFieldTemplateProps } from '@rjsf/utils';
import { t } from '../../i18n/t';
import { pointerOfPath } from '../pointers';
import { rendererContext } from './formContext';

export function ArrayFieldTemplate({ items, canAdd, title, fieldPathId, disabled, readonly, uiSchema, registry }: ArrayFieldTemplateProps) {
  const pointer = pointerOfPath(fieldPathId.path);
  const { session } = rendererContext(registry);
  const addLabel = (uiSchema?.['ui:options'] as { addLabel?: string } | undefined)?.addLabel ?? t('addRow');
  return (
    <div className="table-field" id={`root${pointer}`}>
      <h3 className="table-title">
        {title}
        <span className="row-count">{t('memberCount', { n: items.length }).replace('人', '行')}</span>
      </h3>
      <div className="rows">{items}</div>
      {canAdd && !readonly && !disabled ? (
        <button type="button" className="add-row" onClick={() => session.addRow(pointer)}>
          + {addLabel}
        </button>
      ) : null}
    </div>
  );
}
