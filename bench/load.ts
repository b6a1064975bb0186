// A small HTTP load generator: N concurrent keep-alive connections sending requests for a fixed
// time, recording each latency. Runs in the benchmark's process, the server in another.
import { Agent, request } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { percentile } from './measure';

export interface LoadResult {
  completed: number;
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

export function post(agent: Agent, port: number, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(
  port: number,
  path: string,
  makeBody: () => string,
  headers: Record<string, string>,
  { connections = 16, seconds = 5 } = {},
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        const response = await post(agent, port, path, makeBody(), headers);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status >= 300) failed++;
        else latencies.push(performance.now() - t);
      } catch {
        failed++;
      }
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { completed: latencies.length, failed, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses };
}

/** Starts a benchmark server script in its own process and waits for "ready <port>". */
export function startServer(script: string): Promise<{ child: ChildProcess; port: number; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /ready (\d+)(.*)/.exec(buffer);
      if (match) resolve({ child, port: Number(match[1]), line: match[0] });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}
