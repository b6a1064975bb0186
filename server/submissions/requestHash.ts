// The fingerprint of a creating request: the same submission id with the same body is a retry
// (answered as the first time), with another body a conflict. Keys are sorted so the order in
// which a client writes its JSON does not matter; the canonical text is written in one pass.
import { createHash } from 'node:crypto';

function writeCanonical(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      writeCanonical(item === undefined ? null : item, out);
    });
    out.push(']');
    return;
  }
  if (value !== null && typeof value === 'object') {
    out.push('{');
    let first = true;
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      writeCanonical(item, out);
    }
    out.push('}');
    return;
  }
  out.push(JSON.stringify(value) ?? 'null');
}

export function requestHash(body: unknown): string {
  const out: string[] = [];
  writeCanonical(body, out);
  return createHash('sha256').update(out.join('')).digest('hex');
}
