// The proof-of-work in the browser: the engine's solveProof over WebCrypto's SHA-256 (what is
// hashed and when it is enough are the engine's, shared with the server's check).
import { solveProof } from '@engine';

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export async function solveInBrowser(challenge: string, difficulty: number): Promise<string> {
  const nonce = await solveProof(challenge, difficulty, sha256);
  if (nonce === null) throw new Error('验证计算未完成，请重试');
  return nonce;
}
