import 'server-only';
import { getDb } from '../db.ts';

/** True when the database holds the demonstration data set; public pages then show a banner. */
export async function isDemoData(): Promise<boolean> {
  const setting = await getDb().setting.findUnique({ where: { key: 'demo_data' }, select: { value: true } });
  return setting?.value === true;
}

/** A round trip to the database, for the health check. */
export async function pingDatabase(): Promise<boolean> {
  try {
    await getDb().$queryRaw`select 1`;
    return true;
  } catch {
    return false;
  }
}
