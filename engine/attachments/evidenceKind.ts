// Which evidence a field holds, read off its schema: a photo ("format": "photo", or an array of
// such for several photos), a signature ("format": "signature") or a location ("format":
// "location"). The renderer picks its widget, the server its file checks and the export its
// columns from this one answer.
import type { JsonSchema } from '../types';

export type EvidenceKind = 'photo' | 'signature' | 'location';

const KINDS: readonly EvidenceKind[] = ['photo', 'signature', 'location'];

export function evidenceKind(schema: JsonSchema): EvidenceKind | null {
  const own = schema.format;
  if (typeof own === 'string' && (KINDS as readonly string[]).includes(own)) return own as EvidenceKind;
  const items = schema.type === 'array' ? schema.items : undefined;
  if (items && typeof items === 'object' && !Array.isArray(items) && (items as JsonSchema).format === 'photo') return 'photo';
  return null;
}

/** Whether the field holds several photos (an array) rather than one. */
export function holdsSeveral(schema: JsonSchema): boolean {
  return schema.type === 'array';
}
