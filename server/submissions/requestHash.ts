// The fingerprint of a creating request: the same submission id with the same body is a retry
// (answered as the first time), with another body a conflict. Keys are sorted at every depth so
// the order in which a client writes its JSON does not matter; the canonical text is written in
// one pass, as one string (V8 joins the pieces without copying).
import { createHash } from 'node:crypto';

function canonical(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + (value[i] === undefined ? 'null' : canonical(value[i]));
    return `${text}]`;
  }
  let text = '{';
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonical(item)}`;
  }
  return `${text}}`;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}
