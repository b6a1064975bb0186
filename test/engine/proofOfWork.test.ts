// The proof-of-work residents' phones solve (issue 17): what is hashed, and when a digest is enough.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { meetsDifficulty, proofText, solveProof } from '@engine';

const sha256 = async (text: string) => new Uint8Array(createHash('sha256').update(text).digest());

describe('meetsDifficulty', () => {
  it('counts leading zero bits across bytes', () => {
    expect(meetsDifficulty(Uint8Array.of(0, 0x0f, 0xff), 12)).toBe(true);
    expect(meetsDifficulty(Uint8Array.of(0, 0x1f, 0xff), 12)).toBe(false);
    expect(meetsDifficulty(Uint8Array.of(0x80), 0)).toBe(true);
    expect(meetsDifficulty(Uint8Array.of(0, 0), 17)).toBe(false);
  });
});

describe('solveProof', () => {
  it('finds a nonce whose hash of "<challenge>:<nonce>" meets the difficulty', async () => {
    const nonce = (await solveProof('500118.8.0.abc.mac', 8, sha256))!;
    expect((await sha256(proofText('500118.8.0.abc.mac', nonce)))[0]).toBe(0);
  });

  it('stops when asked', async () => {
    expect(await solveProof('x', 256, sha256, () => true)).toBeNull();
  });
});
