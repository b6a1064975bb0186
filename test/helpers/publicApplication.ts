// What a resident's phone does before it sends an application, done in the test: fetch the
// county's challenge and solve it with the engine's solveProof over node:crypto's SHA-256.
import { createHash } from 'node:crypto';
import { solveProof } from '@engine';

type Request = (path: string, init?: RequestInit) => Response | Promise<Response>;

export const sha256 = async (text: string) => new Uint8Array(createHash('sha256').update(text).digest());

export async function solvedChallenge(request: Request, county: string, headers: Record<string, string> = {}) {
  const response = await request(`/api/public/counties/${county}/challenge`, { headers });
  const { challenge, difficulty } = (await response.json()) as { challenge: string; difficulty: number };
  return { challenge, nonce: (await solveProof(challenge, difficulty, sha256))! };
}

/** 刘建华 of 高滩村, whose wife needs dialysis: a complete application. */
export function liuApplication(overrides: Record<string, unknown> = {}) {
  return {
    name: '刘建华', idNumber: '500118197803042116', phone: '13908231234', divisionCode: '500118104201', address: '高滩村三组12号',
    mainRisk: '因病', description: '今年三月妻子确诊尿毒症，每周透析三次，自付医药费每月约三千元，本人不能外出务工。', agreement: true, ...overrides,
  };
}
