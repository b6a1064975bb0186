// The API beside the browser, for the e2e flows' set-up and checks: a demo user logged in over
// HTTP, a page's own session as an API client (its cookie and CSRF token), a household of a
// village looked up, and the 回头看 sheet sent as an officer's phone sends it. Each is a
// TestClient (test/helpers/testClient.ts), as in the server tests.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ok, TestClient, logInOverHttp, type Send } from '../helpers/testClient';
import { DEMO_PASSWORD, type RunningServer } from './harness';

/** A user of the demo township logged in on the server over HTTP. */
export function logInOverApi(server: RunningServer, username: string, password = DEMO_PASSWORD): Promise<TestClient> {
  return logInOverHttp(server.url, username, password);
}

/** The page's own session as an API client: its context's cookies, the CSRF token it is given. */
export async function pageClient(page: Page): Promise<TestClient> {
  const send: Send = async (path, init) => {
    const response = await page.request.fetch(path, { method: init.method, headers: init.headers as Record<string, string>, data: init.body as string | undefined });
    const body = await response.body();
    // The context keeps its cookies itself: the client is not to hold a copy.
    const headers = response.headersArray().filter((h) => h.name.toLowerCase() !== 'set-cookie').map((h): [string, string] => [h.name, h.value]);
    return new Response(body.length ? new Uint8Array(body) : null, { status: response.status(), headers });
  };
  const client = new TestClient(send);
  client.csrf = (await ok(client.get<{ csrfToken: string }>('/api/session'))).csrfToken;
  return client;
}

/** A household as the registry lists it. */
export interface RegistryHousehold {
  id: string; kind: string; riskEliminatedMonth?: string; address: string; headName: string; headIdNumber: string;
  members: unknown[]; mainRisk: string; identifiedMonth: string;
}

/** The households of a village (of a kind, when named), as `api` (or a page's session) may see them. */
export async function householdsOf(source: TestClient | Page, village: string, kind?: string): Promise<RegistryHousehold[]> {
  const api = source instanceof TestClient ? source : await pageClient(source);
  const query = kind ? `division=${village}&kind=${encodeURIComponent(kind)}` : `division=${village}&pageSize=50`;
  return (await ok(api.get(`/api/households?${query}`))).items;
}

/** A household of a village and kind whose risk was eliminated, or (by default) remains. */
export async function householdOf(api: TestClient | Page, village: string, kind: string, eliminated = false): Promise<RegistryHousehold> {
  const found = (await householdsOf(api, village, kind)).find((h) => !!h.riskEliminatedMonth === eliminated);
  if (!found) throw new Error(`no ${kind} in ${village} whose risk ${eliminated ? 'was eliminated' : 'remains'}`);
  return found;
}

/** What a 回头看 sheet says beyond what the registry pre-fills: a household whose risk remains. */
export const REMAINING_RISK_ANSWERS = {
  B1: false, B2: false, B3: false, B4: true, C1: false, C2: '6000-9000元', C3: '外出务工', C4: false,
  monitors: [{ D1: '任晓东', D2: '13896512345' }],
  D5: '因病', D6: ['缺劳动力'], D7: '户主2020年确诊慢性病，每月自付医药费约800元；家庭收入主要来源是务工，平均每月收入约2500元。',
  D8: '健康帮扶', D9: ['综合保障'], D10: '2021-12',
};

/** The officer submits the household's 回头看 sheet (the registry's values and REMAINING_RISK_ANSWERS); its id. */
export async function submitLookback(officer: TestClient, h: RegistryHousehold): Promise<string> {
  const data = { A1: h.address, A2: h.headName, A3: h.headIdNumber, A4: h.members.length, A5: h.kind, A6: h.mainRisk, A7: h.identifiedMonth, ...REMAINING_RISK_ANSWERS };
  const id = randomUUID();
  await ok(officer.post('/api/forms/lookback/submissions', { id, householdId: h.id, data, submit: true }), 201);
  return id;
}

/** The reviewer returns a submission to its officer with a comment, at the revision it reads. */
export async function returnSubmission(reviewer: TestClient, id: string, comment: string): Promise<void> {
  const { revision } = await ok(reviewer.get(`/api/submissions/${id}`));
  await ok(reviewer.post(`/api/submissions/${id}/review`, { decision: 'return', comment, revision }), 200);
}
