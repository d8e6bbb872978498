import 'server-only';
import { createPrismaClient, type Db } from './db-client.ts';
import { serverEnv } from './env.ts';

// One client per process. Kept on globalThis so dev-server hot reloads reuse its pool.
const globalForDb = globalThis as unknown as { ittifaqDb?: Db };

export function getDb(): Db {
  globalForDb.ittifaqDb ??= createPrismaClient(serverEnv().DATABASE_URL);
  return globalForDb.ittifaqDb;
}

export async function disconnectDb() {
  await globalForDb.ittifaqDb?.$disconnect();
  globalForDb.ittifaqDb = undefined;
}
