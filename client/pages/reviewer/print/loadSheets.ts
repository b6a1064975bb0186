// Everything the paper sheets need, loaded for one submission or for all of a village's
// submissions of a form (one campaign, one status, typically 已通过): the submissions with their
// data (the list API pages of 200), each form version's definition and precompiled validators,
// the village's registry households, and the engine's evaluation of each submission, only to
// know which fields its conditions hide. Values are printed as the server stored them.
import { evaluateCompiled, type FormDefinition, type Household } from '@engine';
import type { Division, Campaign, Submission } from '../../../api/types';
import { loadVersionForm, type PreparedForm } from '../../../form/loadValidators';
import { listAllSubmissions } from '../listAllSubmissions';
import { reviewerApi } from '../reviewerApi';
import { divisionPath } from './divisionPath';
import type { SheetModel } from './PrintedSheet';
import { sheetLayout, type SheetLayout } from './sheetLayout';

export type { SheetModel };

/** At most this many sheets at once (a village rarely has more households than this). */
export const MAX_SHEETS = 600;

export interface Sheets {
  sheets: SheetModel[];
  /** More submissions matched than MAX_SHEETS. */
  cut: boolean;
}

interface Catalogue {
  divisions: readonly Division[];
  campaigns: readonly Campaign[];
}

interface Version {
  definition: FormDefinition;
  layout: SheetLayout;
  prepared: PreparedForm;
}

function versions() {
  const known = new Map<string, Promise<Version>>();
  return (formId: string, version: number): Promise<Version> => {
    const key = `${formId}\u0000${version}`;
    let found = known.get(key);
    if (!found) {
      found = reviewerApi.formVersion(formId, version).then(async ({ definition }) => ({
        definition, layout: sheetLayout(definition), prepared: await loadVersionForm(formId, version, definition),
      }));
      known.set(key, found);
    }
    return found;
  };
}

async function sheetsOf(submissions: Submission[], households: Map<string, Household>, catalogue: Catalogue): Promise<SheetModel[]> {
  const versionOf = versions();
  return Promise.all(submissions.map(async (s) => {
    const { definition, layout, prepared } = await versionOf(s.formId, s.formVersion);
    const params = s.campaign?.parameters ?? catalogue.campaigns.find((c) => c.id === s.campaignId)?.parameters ?? {};
    const household = s.householdId ? households.get(s.householdId) ?? null : null;
    const result = evaluateCompiled(prepared.form, s.data, { params, household });
    return {
      title: definition.title, layout, unit: divisionPath(s.divisionCode, catalogue.divisions),
      submission: { id: s.id, headName: s.headName, submittedAt: s.submittedAt, data: s.data },
      hidden: new Set(result.hidden), hiddenSections: new Set(result.hiddenSections),
    };
  }));
}

export async function loadOneSheet(id: string, catalogue: Catalogue): Promise<Sheets> {
  const submission = await reviewerApi.submission(id);
  const households = new Map<string, Household>();
  if (submission.householdId) households.set(submission.householdId, await reviewerApi.household(submission.householdId));
  return { sheets: await sheetsOf([submission], households, catalogue), cut: false };
}

export interface VillageQuery {
  formId: string;
  division: string;
  campaign?: string;
  status?: string;
}

export async function loadVillageSheets(query: VillageQuery, catalogue: Catalogue): Promise<Sheets> {
  const { items: submissions, cut } = await listAllSubmissions(query.formId, { campaign: query.campaign, division: query.division, status: query.status, sort: 'headName', order: 'asc' }, MAX_SHEETS);
  const households = new Map<string, Household>();
  let seen = 0;
  for (let page = 1, count = Number.POSITIVE_INFINITY; seen < count; page++) {
    const answer = await reviewerApi.households(query.division, page);
    count = answer.total;
    seen += answer.items.length;
    for (const h of answer.items) households.set(h.id, h);
    if (answer.items.length === 0) break;
  }
  return { sheets: await sheetsOf(submissions, households, catalogue), cut };
}
