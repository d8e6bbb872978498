// The app server under test, seen from outside: which process listens on the e2e port, and how much
// memory it holds (Linux /proc), so a test can show that an attack did not make it grow.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is ADDR:PORT; state 0A is LISTEN.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') return fields[9] ?? null;
    }
  }
  return null;
}

/** The process id listening on `port`, or null when it cannot be found (not Linux, no permission). */
export function serverPid(port: number): number | null {
  const inode = listeningInode(port);
  if (!inode) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`) === `socket:[${inode}]`) return Number(entry);
      }
    } catch {
      // A process that ended, or one we may not inspect.
    }
  }
  return null;
}

/** Resident memory of a process in MB. */
export function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) / 1024;
}
