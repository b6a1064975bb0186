// A table of rows (家庭成员, 帮扶责任人…) usable on a phone: each row a card, an add button under
// them. The table's own title is shown here (the field frame leaves it out).
import type { ArrayFieldTemplateProps } from '@rjsf/utils';
import { t } from '../../i18n/t';

export function ArrayFieldTemplate({ items, canAdd, onAddClick, title, fieldPathId, disabled, readonly, uiSchema }: ArrayFieldTemplateProps) {
  const addLabel = (uiSchema?.['ui:options'] as { addLabel?: string } | undefined)?.addLabel ?? t('addRow');
  return (
    <div className="table-field" id={`root${fieldPathId.path.map((p) => `/${p}`).join('')}`}>
      <h3 className="table-title">
        {title}
        <span className="row-count">{t('memberCount', { n: items.length }).replace('人', '行')}</span>
      </h3>
      <div className="rows">{items}</div>
      {canAdd && !readonly && !disabled ? (
        <button type="button" className="add-row" onClick={onAddClick}>
          + {addLabel}
        </button>
      ) : null}
    </div>
  );
}
