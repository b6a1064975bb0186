// The proof-of-work a public page does before it may send an application (issue 17): find a nonce
// such that SHA-256 of "<challenge>:<nonce>" starts with `difficulty` zero bits. The hash itself is
// the caller's (WebCrypto in the browser, node:crypto on the server): this module only says what
// is hashed and whether a digest is enough, so both sides agree by construction.

/** The text whose SHA-256 is the proof. */
export function proofText(challenge: string, nonce: string): string {
  return `${challenge}:${nonce}`;
}

/** Whether a digest starts with at least `difficulty` zero bits. */
export function meetsDifficulty(digest: Uint8Array, difficulty: number): boolean {
  let bits = difficulty;
  for (const byte of digest) {
    if (bits <= 0) return true;
    if (bits >= 8) {
      if (byte !== 0) return false;
      bits -= 8;
    } else {
      return byte >> (8 - bits) === 0;
    }
  }
  return bits <= 0;
}

/** Tries nonces 0, 1, 2… until one meets the difficulty; `sha256` is the platform's. */
export async function solveProof(
  challenge: string,
  difficulty: number,
  sha256: (text: string) => Promise<Uint8Array>,
  shouldStop: () => boolean = () => false,
): Promise<string | null> {
  for (let n = 0; !shouldStop(); n++) {
    const nonce = n.toString(36);
    if (meetsDifficulty(await sha256(proofText(challenge, nonce)), difficulty)) return nonce;
  }
  return null;
}
