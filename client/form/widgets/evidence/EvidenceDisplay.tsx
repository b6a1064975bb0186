// A photo, signature or location field's value shown read-only, by the field's evidence kind
// (evidenceKind from the engine): what the reviewer's page and the print view show for it.
import { evidenceKind, type JsonSchema } from '@engine';
import { LocationDisplay } from './LocationDisplay';
import { PhotoDisplay } from './PhotoDisplay';
import { SignatureDisplay, signerOf } from './SignatureDisplay';

/** The references a photo field's value holds: one string or a list of them. */
export function photoReferences(value: unknown): string[] {
  if (typeof value === 'string' && value !== '') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

export function EvidenceDisplay({ schema, value, uiOptions }: { schema: JsonSchema; value: unknown; uiOptions?: Record<string, unknown> }) {
  switch (evidenceKind(schema)) {
    case 'photo': return <PhotoDisplay references={photoReferences(value)} />;
    case 'signature': return <SignatureDisplay reference={typeof value === 'string' ? value : null} signer={signerOf(uiOptions)} />;
    case 'location': return <LocationDisplay value={typeof value === 'string' ? value : null} />;
    default: return null;
  }
}
