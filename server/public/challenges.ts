// The public routes' proof-of-work challenges (issue 17): issued without storing anything, as
// "<county>.<difficulty>.<expires ms>.<random>.<mac>", signed with a key kept in the database
// (meta 'public-challenge-key', made once under a lock), so any server of several checks what
// another issued. Its first use is recorded by the caller (applicationLimits.spendingAttempt).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { meetsDifficulty, proofText } from '@engine';
import type { Store } from '../store/Store';

const KEY_NAME = 'public-challenge-key';

export interface Challenge {
  challenge: string;
  difficulty: number;
  expiresAt: string;
}

export type ProofCheck = { ok: true; mac: string } | { ok: false; message: string };

/** The signing key, read once per server (made by whichever server needs it first). */
export function challengeKey(store: Store): () => Promise<Buffer> {
  let key: Promise<Buffer> | null = null;
  const load = async () => {
    const value = await store.exclusively(KEY_NAME, async () => {
      const found = await store.getMeta(KEY_NAME);
      if (found) return found;
      const made = randomBytes(32).toString('hex');
      await store.putMeta(KEY_NAME, made);
      return made;
    });
    return Buffer.from(value, 'hex');
  };
  return () => {
    key ??= load().catch((error: unknown) => {
      key = null;
      throw error;
    });
    return key;
  };
}

const sign = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url').slice(0, 32);

export function issueChallenge(key: Buffer, county: string, difficulty: number, at: Date, minutes: number): Challenge {
  const expires = at.getTime() + minutes * 60_000;
  const body = `${county}.${difficulty}.${expires}.${randomBytes(12).toString('hex')}`;
  return { challenge: `${body}.${sign(key, body)}`, difficulty, expiresAt: new Date(expires).toISOString() };
}

const EXPIRED = '验证已过期，请重新提交（页面会自动重新计算）';
const INVALID = '验证无效，请刷新页面后重新提交';

/** Whether a challenge is this server's, for this county, unexpired, at least `minimum` hard, and solved by the nonce. */
export function checkProof(key: Buffer, county: string, challenge: string, nonce: string, at: Date, minimum: number): ProofCheck {
  const parts = challenge.split('.');
  if (parts.length !== 5) return { ok: false, message: INVALID };
  const [forCounty, difficultyText, expiresText, , mac] = parts as [string, string, string, string, string];
  const expected = Buffer.from(sign(key, parts.slice(0, 4).join('.')));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, message: INVALID };
  const difficulty = Number(difficultyText);
  if (forCounty !== county || !(difficulty >= minimum)) return { ok: false, message: INVALID };
  if (at.getTime() >= Number(expiresText)) return { ok: false, message: EXPIRED };
  const digest = createHash('sha256').update(proofText(challenge, nonce)).digest();
  if (!meetsDifficulty(digest, difficulty)) return { ok: false, message: '验证计算结果不正确，请刷新页面后重新提交' };
  return { ok: true, mac };
}
