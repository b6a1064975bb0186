// The forms a campaign uses, as check boxes: the published ones, and any the campaign already
// lists (a form it names that was never published stays visible so it can be taken off).
import { t } from '../../../i18n/tAdmin';

export function CampaignForms({ forms, chosen, onChange, className }: { forms: { id: string; title: string; version: number | null }[]; chosen: string[]; onChange(chosen: string[]): void; className?: string }) {
  return (
    <fieldset className={className}>
      <legend>{t('ad_campaignForms')}</legend>
      {forms.filter((f) => f.version !== null || chosen.includes(f.id)).map((f) => (
        <label key={f.id} className="check">
          <input type="checkbox" checked={chosen.includes(f.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, f.id] : chosen.filter((x) => x !== f.id))} />
          {f.title}
        </label>
      ))}
    </fieldset>
  );
}
