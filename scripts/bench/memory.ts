// Resident memory of the app server: VmRSS of the server process and every process below it, sampled from
// /proc while the benchmark runs. Linux only; elsewhere the peak stays unknown (null).
import { readdir, readFile } from 'node:fs/promises';

const SAMPLE_MS = 250;
const RESCAN_EVERY = 8;

async function parentOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // The command name is in parentheses and may contain spaces; the parent id is two fields after it.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** `root` and its descendants. */
export async function processTree(root: number): Promise<number[]> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const parents = new Map<number, number>();
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        const parent = await parentOf(Number(entry));
        if (parent !== null) parents.set(Number(entry), parent);
      }),
  );
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i] && !tree.includes(pid)) tree.push(pid);
  }
  return tree;
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user and system) of `root` and its descendants so far, in milliseconds; null off Linux. */
export async function cpuTimeMs(root: number): Promise<number | null> {
  const stats = await Promise.all((await processTree(root)).map((pid) => readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)));
  if (stats[0] === null) return null;
  const ticks = stats.reduce((sum, stat) => {
    if (!stat) return sum;
    // utime and stime are fields 14 and 15; fields 3 on follow the parenthesised command name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return sum + Number(fields[11]) + Number(fields[12]);
  }, 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** VmRSS in kilobytes, 0 when the process is gone. */
async function residentKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) : 0;
}

export class MemorySampler {
  private timer: NodeJS.Timeout | null = null;
  private pids: number[] = [];
  private samples = 0;
  private peakKb: number | null = null;
  private windowPeakKb: number | null = null;

  constructor(private readonly root: number) {}

  start() {
    const sample = async () => {
      if (this.samples++ % RESCAN_EVERY === 0) this.pids = await processTree(this.root);
      const kb = (await Promise.all(this.pids.map(residentKb))).reduce((sum, value) => sum + value, 0);
      if (kb === 0) return;
      this.peakKb = Math.max(this.peakKb ?? 0, kb);
      this.windowPeakKb = Math.max(this.windowPeakKb ?? 0, kb);
    };
    void sample();
    this.timer = setInterval(() => void sample(), SAMPLE_MS);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Peak since start, in MB. */
  get peakMb(): number | null {
    return this.peakKb === null ? null : this.peakKb / 1024;
  }

  /** Peak since the previous call (or start), in MB; starts a new window. */
  takeWindowPeakMb(): number | null {
    const peak = this.windowPeakKb;
    this.windowPeakKb = null;
    return peak === null ? null : peak / 1024;
  }
}
