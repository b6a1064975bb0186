// A single review as the reviewer's page makes it: at the revision the reviewer just read.
import type { TestClient, TestResponse } from './testServer';

export async function review(reviewer: TestClient, id: string, body: { decision: 'approve' | 'return'; comment?: string }): Promise<TestResponse> {
  // A reviewer who may not see it reads nothing: the review is then refused for that reason.
  const revision = (await reviewer.get(`/api/submissions/${id}`)).body?.revision ?? 1;
  return reviewer.post(`/api/submissions/${id}/review`, { ...body, revision });
}
