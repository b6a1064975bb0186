// Resident ID (18) or disability certificate (20) number: checks the check digit as it is typed
// and shows the birth date and gender it encodes (and the disability category and grade), with
// the engine's own explanation when something is wrong.
import type { WidgetProps } from '@rjsf/utils';
import {
  birthDateOf, explainDisabilityCertificate, explainIdOrDisabilityCertificate, explainResidentId, genderOf,
} from '@engine';
import { t } from '../../i18n/t';
import { TextInput } from './TextInput';

const CATEGORIES: Record<string, string> = { 1: '视力', 2: '听力', 3: '言语', 4: '肢体', 5: '智力', 6: '精神', 7: '多重' };

function explain(format: unknown, value: string): string | null {
  if (format === 'resident-id') return explainResidentId(value);
  if (format === 'disability-certificate') return explainDisabilityCertificate(value);
  return explainIdOrDisabilityCertificate(value);
}

export function IdNumberWidget(props: WidgetProps) {
  const value = typeof props.value === 'string' ? props.value : '';
  const complete = value.length === 18 || value.length === 20;
  const problem = complete ? explain(props.schema.format, value) : null;
  const birth = complete && !problem ? birthDateOf(value) : null;
  const gender = birth ? genderOf(value.slice(0, 18)) : null;
  return (
    <>
      <TextInput
        {...props}
        clean={(text) => text.toUpperCase().replace(/[^\dX]/g, '')}
        inputProps={{ inputMode: 'text', maxLength: props.schema.format === 'resident-id' ? 18 : 20, autoCapitalize: 'characters', spellCheck: false }}
      />
      {birth ? (
        <div className="id-info ok" aria-live="polite">
          ✓ {t('idBirth', { date: `${birth.year}-${String(birth.month).padStart(2, '0')}-${String(birth.day).padStart(2, '0')}`, gender: gender ?? '' })}
          {value.length === 20 ? `；${t('idDisability', { category: CATEGORIES[value[18]!] ?? '', grade: value[19]! })}` : null}
        </div>
      ) : null}
      {problem ? <div className="id-info bad" aria-live="polite">✗ {problem}</div> : null}
    </>
  );
}
