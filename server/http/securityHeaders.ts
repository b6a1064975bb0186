// The security headers of every answer (API, errors, the built client, validator modules):
// hono's secureHeaders with a Content-Security-Policy that lets a page run only the app's own
// files — no inline script, no eval (the form validators come precompiled from the server), no
// inline style (React sets styles through the DOM, which style-src does not govern) — and
// connect, frame and form targets only on this origin; of the device's features, only the
// position, and only for the app itself (the location field). Strict-Transport-Security only
// where the server sits behind HTTPS (SECURE_COOKIE), as browsers ignore it over plain HTTP anyway.
import { secureHeaders } from 'hono/secure-headers';

const SELF = "'self'";

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: [SELF],
  scriptSrc: [SELF],
  styleSrc: [SELF],
  imgSrc: [SELF, 'data:', 'blob:'],
  fontSrc: [SELF],
  connectSrc: [SELF],
  workerSrc: [SELF],
  manifestSrc: [SELF],
  frameAncestors: ["'none'"],
  baseUri: [SELF],
  formAction: [SELF],
  objectSrc: ["'none'"],
};

export function securityHeaders(options: { https: boolean }) {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: options.https ? 'max-age=15552000; includeSubDomains' : false,
    // The location field (issue 16) asks this origin's page for the phone's position; nothing else may.
    permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'], payment: [], usb: [] },
  });
}
