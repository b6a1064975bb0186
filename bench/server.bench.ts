// The server's durable write throughput: valid monitoring-object submissions (10 members) POSTed
// over 16 concurrent keep-alive connections on loopback to the real server (SQLite, WAL,
// synchronous=FULL, group commit), and in the same run the same bodies to a bare Hono echo.
// Targets (issue 3): at least 0.5 of the echo's rate, p99 under 50 ms.
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { countCpu } from './cpuPerRequest';
import { durableInsertCpu } from './durableInsert';
import { fmt, heading } from './measure';
import { monitoringHousehold } from './fixtures/monitoringHousehold';
import { post, runLoad, startServer } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function login(port: number): Promise<Record<string, string>> {
  const agent = new Agent({ keepAlive: false });
  const response = await post(agent, port, '/api/session', JSON.stringify({ username: 'bench', password: 'bench-password' }), {});
  const cookie = String(response.headers['set-cookie'] ?? '').split(';')[0]!;
  return { Cookie: cookie, 'X-CSRF-Token': JSON.parse(response.text).csrfToken };
}

export async function runServerBench(): Promise<void> {
  heading(`server: durable submissions vs bare Hono echo, 16 connections, ${SECONDS} s each`);
  const data = monitoringHousehold(10);
  const body = () => JSON.stringify({ id: randomUUID(), campaignId: '2021', data, submit: true });

  const echo = await startServer('bench/servers/echoServer.ts');
  const echoCpu = countCpu(echo.child.pid!);
  const echoResult = await runLoad(echo.port, '/echo', body, {}, { seconds: SECONDS });
  const echoUsed = echoCpu(echoResult.completed);
  echo.child.kill('SIGTERM');

  const api = await startServer('bench/servers/apiServer.ts');
  const headers = await login(api.port);
  const probe = await post(new Agent(), api.port, '/api/forms/monitoring-object/submissions', body(), headers);
  if (probe.status !== 201) console.log(`probe submission answered ${probe.status}: ${probe.text.slice(0, 400)}`);
  const apiCpu = countCpu(api.child.pid!);
  const apiResult = await runLoad(api.port, '/api/forms/monitoring-object/submissions', body, headers, { seconds: SECONDS });
  const apiUsed = apiCpu(apiResult.completed);
  api.child.kill('SIGTERM');

  console.log(`bare echo:            ${fmt(echoResult.perSecond)} req/s, p50 ${fmt(echoResult.p50, 1)} ms, p99 ${fmt(echoResult.p99, 1)} ms`);
  console.log(`durable submissions:  ${fmt(apiResult.perSecond)} submissions/s, p50 ${fmt(apiResult.p50, 1)} ms, p99 ${fmt(apiResult.p99, 1)} ms   target p99 < 50 ms`);
  console.log(`ratio to echo:        ${fmt(apiResult.perSecond / echoResult.perSecond, 2)}   target ≥ 0.5`);
  const cpu = (u: { mainThread: number; otherThreads: number; loadGenerator: number }) =>
    `server main thread ${fmt(u.mainThread)} µs + other threads ${fmt(u.otherThreads)} µs, load generator ${fmt(u.loadGenerator)} µs`;
  console.log(`CPU per request:      echo: ${cpu(echoUsed)}`);
  console.log(`                      submission: ${cpu(apiUsed)} (other threads: the SQLite writer, V8's GC)`);
  const insert = durableInsertCpu(data);
  console.log(`durable insert alone: ${fmt(insert)} µs CPU per submission row (16 rows a commit, no HTTP, no engine) = ${fmt(insert / (echoUsed.mainThread + echoUsed.otherThreads), 1)}× the echo's whole request`);
  if (apiResult.failed) console.log(`failed requests: ${apiResult.failed} ${JSON.stringify(apiResult.statuses)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runServerBench();
