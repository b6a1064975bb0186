// The e2e project's global set-up: the client is built once for the whole run (a production
// build, as `npm start` makes it) and every browser-flow file serves that build, instead of each
// file's own worker building it again (some ten seconds a file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildClientInto } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory of the client built for this run. */
    clientDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'wnbd-client-'));
  await buildClientInto(outDir);
  project.provide('clientDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
