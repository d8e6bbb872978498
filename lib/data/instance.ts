import 'server-only';
import { getDb } from '../db.ts';

/** True when the database holds the demonstration data set; public pages then show a banner. */
export async function isDemoData(): Promise<boolean> {
  const setting = await getDb().setting.findUnique({ where: { key: 'demo_data' }, select: { value: true } });
  return setting?.value === true;
}

/** A round trip to the database within two seconds, for the health check. */
export async function pingDatabase(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = getDb().$queryRaw`select 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
