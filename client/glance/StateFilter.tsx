// The chips that filter a household list by state, each with how many households are in it.
import { FILTER_NAMES, FILTERS, type GlanceFilter } from './glance';

export function StateFilter({ chosen, counts, onChoose }: { chosen: GlanceFilter | ''; counts: Record<GlanceFilter, number>; onChoose(filter: GlanceFilter | ''): void }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of large tap-target buttons (officers on phones); a fieldset would add its own border, padding and min-width: min-content to the wrapping row, and role="group" already gives what it would.
    <div className="chips" role="group" aria-label="填报状态">
      <button type="button" className={chosen === '' ? 'chosen' : ''} aria-pressed={chosen === ''} onClick={() => onChoose('')}>全部状态</button>
      {FILTERS.map((f) => (
        <button key={f} type="button" className={f === chosen ? 'chosen' : ''} aria-pressed={f === chosen} onClick={() => onChoose(f)}>
          {FILTER_NAMES[f]} {counts[f]}
        </button>
      ))}
    </div>
  );
}

/** The state filter named in a list's address (?state=returned), or none. */
export function filterFromQuery(value: string | null): GlanceFilter | '' {
  return value !== null && (FILTERS as readonly string[]).includes(value) ? (value as GlanceFilter) : '';
}
