// The address a login attempt is counted against: the socket's peer, or, behind a reverse proxy
// the operator trusts (TRUST_PROXY=1), the last X-Forwarded-For entry, the one that proxy added
// (earlier entries are whatever the client wrote). IPv6 counts by /64, the block one subscriber
// holds, so an attacker cannot step through addresses of their own block.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';

/** No socket to read (a request made in the process, as tests do). */
export const UNKNOWN_ADDRESS = 'unknown';

function expandIpv6(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const part = (s: string) => (s ? s.split(':').map((h) => Number.parseInt(h, 16)) : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The key of an address: IPv4 as written, IPv6 (not mapped IPv4) its /64. */
export function addressBlock(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const zoneless = address.split('%')[0]!;
  if (zoneless.includes('.')) return zoneless.toLowerCase(); // IPv4-embedded forms other than mapped: rare, kept whole
  return `${expandIpv6(zoneless).slice(0, 4).map((h) => h.toString(16)).join(':')}::/64`;
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded && isIP(forwarded)) return addressBlock(forwarded);
  }
  const socket = socketAddress(c);
  return socket && isIP(socket) ? addressBlock(socket) : UNKNOWN_ADDRESS;
}
