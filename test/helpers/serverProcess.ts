// The real server (server/main.ts, as `npm start` runs it, without the client) in a child
// process on a free port: for tests that start several servers at once or kill one with SIGKILL.
// Resolves once the server listens; `stop` ends it (SIGTERM, then SIGKILL), `kill` ends it at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  url: string;
  output: string[];
  /** Ends the process at once (SIGKILL): nothing is flushed, no handler runs. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: '0', DATABASE_URL: '', CLIENT_DIR: join(ROOT, 'no-client'), FORMS_DIR: join(ROOT, 'form-definitions'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 90_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /http:\/\/localhost:(\d+)\//.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolveUrl(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output.join('')}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  return {
    url, output,
    kill: () => end('SIGKILL'),
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await end('SIGTERM');
      clearTimeout(timer);
    },
  };
}
