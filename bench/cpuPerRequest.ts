// CPU time per request of a benchmark's server process, by thread (Linux /proc), and of this
// process (the load generator): where a request's cost goes when the machine's two cores are
// shared by the server and the load that drives it.
import { readdirSync, readFileSync } from 'node:fs';

type Ticks = Map<number, number>;

/** CPU milliseconds used so far by each thread of a process (utime + stime, 10 ms a tick). */
function threadTicks(pid: number): Ticks {
  const ticks: Ticks = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticks.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return ticks;
}

export interface CpuPerRequest {
  mainThread: number;
  otherThreads: number;
  loadGenerator: number;
}

/** Starts counting; the returned function takes the number of requests served and gives µs each. */
export function countCpu(pid: number): (requests: number) => CpuPerRequest {
  const before = threadTicks(pid);
  const load = process.cpuUsage();
  return (requests) => {
    const after = threadTicks(pid);
    let main = 0;
    let others = 0;
    for (const [tid, ms] of after) {
      const used = ms - (before.get(tid) ?? 0);
      if (tid === pid) main += used;
      else others += used;
    }
    const generator = process.cpuUsage(load);
    const perRequest = (ms: number) => (ms * 1000) / Math.max(1, requests);
    return { mainThread: perRequest(main), otherThreads: perRequest(others), loadGenerator: (generator.user + generator.system) / Math.max(1, requests) };
  };
}
