// Photos, signatures and locations (issue 16): the officer's widgets, and the read-only displays
// the reviewer's page and the print view reuse (import them from here).
export { EvidenceDisplay, photoReferences } from './EvidenceDisplay';
export { LocationDisplay } from './LocationDisplay';
export { LocationWidget } from './LocationWidget';
export { PhotoDisplay } from './PhotoDisplay';
export { PhotoWidget } from './PhotoWidget';
export { SAMPLE_PHOTO, SAMPLE_SIGNATURE, SampleToggle } from './SampleToggle';
export { SignatureDisplay, signerLabel, signerOf, type Signer } from './SignatureDisplay';
export { SignatureWidget } from './SignatureWidget';
export { serverFileUrl, useFileUrl } from './useFileUrl';
