// The public application page's calls (/api/public/, no account): the county's form and villages,
// its validators (the same precompiled module the officers' pages use), a challenge, sending an
// application with the solved proof, and reading a status. Errors are the server's Chinese ApiError.
import type { ApplicationReceipt, ApplicationStatus, PublicApplicationForm, PublicChallenge } from '@engine/contract';
import { VALIDATORS_REVISION, type FormData } from '@engine';
import { request } from '../../api/http';
import { solveInBrowser } from './solveInBrowser';

const county = (code: string) => `/api/public/counties/${encodeURIComponent(code)}`;

export async function loadApplicationForm(code: string): Promise<PublicApplicationForm> {
  return (await request('GET', `${county(code)}/application-form`, undefined, { beforeSession: true })).json();
}

export const applicationValidatorsUrl = (version: number) =>
  `/api/public/application-form/versions/${version}/validators.js?r=${VALIDATORS_REVISION}`;

/** Solves a fresh challenge (a second or two on a phone) and sends the application with it. */
export async function sendApplication(code: string, data: FormData): Promise<ApplicationReceipt> {
  const { challenge, difficulty } = (await (await request('GET', `${county(code)}/challenge`, undefined, { beforeSession: true })).json()) as PublicChallenge;
  const nonce = await solveInBrowser(challenge, difficulty);
  return (await request('POST', `${county(code)}/applications`, { challenge, nonce, data }, { beforeSession: true })).json();
}

export async function readStatus(receipt: string, idNumber: string): Promise<ApplicationStatus> {
  return (await request('POST', '/api/public/application-status', { receipt, idNumber }, { beforeSession: true })).json();
}
