// Every field's frame: label (code and the seed's wording), the input (or, for a pre-filled field
// to verify, the registry value with 核实无误 / 更正), help text and the field's issues. A field
// its conditions hide is not rendered at all. Labels and help are text, never HTML.
import type { FieldTemplateProps } from '@rjsf/utils';
import { evidenceKind, fillText, keyOfPointer, labelOf } from '@engine';
import { t } from '../../i18n/t';
import { pointerOfPath, readerOf } from '../pointers';
import { DATA_KEYS, HIDDEN_KEYS, SHOWN_ISSUES_KEYS } from '../FormStore';
import { EvidenceDisplay } from '../widgets/evidence';
import { useFormStore, useStoreInstance } from '../useFormStore';
import { rendererContext } from './formContext';
import { IssueList } from './IssueList';
import { VerifyControls } from './VerifyControls';

function isContainer(schema: FieldTemplateProps['schema']): boolean {
  if (schema.type === 'object') return true;
  const items = schema.items as { type?: unknown; properties?: unknown } | undefined;
  return schema.type === 'array' && !!items && (items.type === 'object' || !!items.properties);
}

/** A value as text, for a reviewer reading a submission (photos as thumbnails, a signature as its image, a location as coordinates). */
function ReadOnlyValue({ pointer, schema, uiOptions }: { pointer: string; schema: FieldTemplateProps['schema']; uiOptions?: Record<string, unknown> }) {
  const read = readerOf(pointer);
  const value = useFormStore((s) => read(s.data), DATA_KEYS);
  if (evidenceKind(schema)) return <EvidenceDisplay schema={schema} value={value} uiOptions={uiOptions} />;
  return <output className="value">{value === undefined || value === null ? '—' : labelOf(schema, value)}</output>;
}

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, required, children, schema, fieldPathId, rawHelp, hidden, registry } = props;
  const pointer = pointerOfPath(fieldPathId.path);
  const key = fieldPathId.path.length === 1 ? keyOfPointer(pointer) : null;
  // Every subscription runs on every keystroke: only what changes while the form is filled is
  // subscribed to (the fields to verify are fixed when the session starts).
  const isHidden = useFormStore((s) => s.hidden.has(pointer), HIDDEN_KEYS);
  const issues = useFormStore((_s, store) => store.shownIssuesAt(pointer), SHOWN_ISSUES_KEYS);
  const store = useStoreInstance();
  const verifying = key !== null && store.get().verify.fields.has(key);
  if (hidden) return <div hidden>{children}</div>;
  if (isHidden) return null;
  if (fieldPathId.path.length === 0) return children;
  const context = rendererContext(registry);
  if (isContainer(schema)) {
    return (
      <div className="group" data-pointer={pointer}>
        {children}
        <IssueList issues={issues} pointer={pointer} />
      </div>
    );
  }
  const noted = store.notesAt(pointer).length > 0;
  const severity = issues.some((i) => i.severity === 'error') ? ' has-error' : issues.length ? ' has-warning' : noted ? ' has-note' : '';
  const computed = schema.readOnly === true;
  let input = children;
  if (context.readOnlyView) input = <ReadOnlyValue pointer={pointer} schema={schema} uiOptions={props.uiSchema?.['ui:options']} />;
  else if (verifying) input = <VerifyControls fieldKey={key!} pointer={pointer} schema={schema} session={context.session}>{children}</VerifyControls>;
  return (
    <div className={`field${severity}${computed ? ' is-computed' : ''}`} data-pointer={pointer}>
      <label htmlFor={id}>
        {label}
        {required && !computed ? <span className="required" title={t('required')}>*</span> : null}
        {computed ? <span className="computed-hint">{t('computedHint')}</span> : null}
      </label>
      {context.markField ? (
        <button type="button" className="link mark-field" title={t('markFieldTitle', { field: label })} onClick={() => context.markField!(pointer)}>
          {t('markField')}
        </button>
      ) : null}
      {input}
      {rawHelp ? <p className="help">{fillText(context.session.form, rawHelp, context.session.context)}</p> : null}
      <IssueList issues={issues} pointer={pointer} />
    </div>
  );
}
