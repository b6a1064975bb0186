// npm run bench: every benchmark in one run, each printing its figures and the ratios the issues
// set as targets, measured side by side on this machine.
import { runClientBench } from './client.bench';
import { runEngineBench } from './engine.bench';
import { runExportBench } from './export.bench';
import { runFilesBench } from './files.bench';
import { runFirstLoadBench } from './firstLoad';
import { runReviewBench } from './review.bench';
import { runServerBench } from './server.bench';

const benches: [string, () => Promise<void>][] = [
  ['engine', runEngineBench],
  ['server', runServerBench],
  ['export', runExportBench],
  ['files', runFilesBench],
  ['client', runClientBench],
  // Also printed by the client bench; named alone (`npm run bench first-load`) it runs by itself.
  ['first-load', runFirstLoadBench],
  // Also printed by the client bench: the first load and opening the form, without the keystrokes.
  ['open-form', () => runClientBench({ keystrokes: false })],
  ['review', runReviewBench],
];

const only = process.argv[2];
for (const [name, run] of benches) {
  if (only ? only !== name : name === 'first-load' || name === 'open-form') continue;
  await run();
}
