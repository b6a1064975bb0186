// A form's draft changed as the builder changes it: saved from the draft revision just read,
// published at the revision the dry run was shown.
import type { TestClient, TestResponse } from './testServer';

/** PUT /api/forms/:id/draft from the current draft revision. */
export async function saveDraft(admin: TestClient, formId: string, definition: unknown): Promise<TestResponse> {
  const { revision } = (await admin.get(`/api/forms/${formId}/draft`)).body;
  return admin.put(`/api/forms/${formId}/draft`, { definition, revision });
}

/** POST /api/forms/:id/publish of the draft as it is now. */
export async function publishDraft(admin: TestClient, formId: string): Promise<TestResponse> {
  const { revision } = (await admin.get(`/api/forms/${formId}/draft`)).body;
  return admin.post(`/api/forms/${formId}/publish`, { revision });
}
