// Loads the real forms, their shipped cases and the campaigns from form-definitions/, and
// evaluates a form under a campaign's parameters: what the form tests build on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, type Campaign, type EvaluationResult, type FormCase, type FormData, type FormDefinition, type Household } from '@engine';

export const FORMS_DIR = join(import.meta.dirname, '..', '..', 'form-definitions');

const definitions = new Map<string, FormDefinition>();

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(FORMS_DIR, ...parts), 'utf8')) as T;
}

export function loadForm(id: string): FormDefinition {
  if (!definitions.has(id)) definitions.set(id, readJson<FormDefinition>(id, 'definition.json'));
  return definitions.get(id)!;
}

export function loadCases(id: string): FormCase[] {
  return readJson<FormCase[]>(id, 'cases.json');
}

export function loadCampaign(id: string): Campaign {
  return readJson<Campaign>('campaigns', `${id}.json`);
}

/** Evaluates a form as the server would within a campaign, for a household (or none). */
export function evaluateForm(
  formId: string,
  data: FormData,
  options: { campaign?: string; household?: Household | null; params?: Record<string, unknown> } = {},
): EvaluationResult {
  const params = { ...loadCampaign(options.campaign ?? '2021').parameters, ...options.params };
  return evaluate(loadForm(formId), data, { params, household: options.household ?? null });
}

/** The issue at a path, if any (errors first, then warnings). */
export function issueAt(result: EvaluationResult, path: string) {
  return [...result.errors, ...result.warnings].find((i) => i.path === path);
}
