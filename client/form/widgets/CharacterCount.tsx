// "15 字（20-2000 字）" under a text with length limits, counting characters as the engine does.
import type { JsonSchema } from '@engine';
import { t } from '../../i18n/t';

export function CharacterCount({ value, schema }: { value: unknown; schema: JsonSchema }) {
  const min = typeof schema.minLength === 'number' ? schema.minLength : undefined;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  if (min === undefined && (max === undefined || max < 100)) return null;
  const n = typeof value === 'string' ? [...value.trim()].length : 0;
  const short = min !== undefined && n < min;
  return (
    <div className={`character-count${short ? ' short' : ''}`} aria-live="polite">
      {min !== undefined || max !== undefined ? t('charactersRange', { n, min: min ?? 0, max: max ?? '∞' }) : t('characters', { n })}
    </div>
  );
}
