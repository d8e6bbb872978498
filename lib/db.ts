import 'server-only';
import pg from 'pg';
import { createPrismaClient, type Db } from './db-client.ts';
import { serverEnv } from './env.ts';

// One client and one pipelined pool per process. Kept on globalThis so dev-server hot reloads reuse their pools.
const globalForDb = globalThis as unknown as { ittifaqDb?: Db; ittifaqPipelinedPool?: pg.Pool };

export function getDb(): Db {
  globalForDb.ittifaqDb ??= createPrismaClient(serverEnv().DATABASE_URL);
  return globalForDb.ittifaqDb;
}

/**
 * Connections that send a transaction's statements without waiting for each answer (lib/db-pipeline.ts),
 * for the busiest writes. Separate from Prisma's pool, which expects one statement at a time.
 */
export function getPipelinedPool(): pg.Pool {
  globalForDb.ittifaqPipelinedPool ??= new pg.Pool({
    connectionString: serverEnv().DATABASE_URL,
    pipeline: true,
    max: 10,
    connectionTimeoutMillis: 30_000,
  });
  return globalForDb.ittifaqPipelinedPool;
}

export async function disconnectDb() {
  await globalForDb.ittifaqDb?.$disconnect();
  globalForDb.ittifaqDb = undefined;
  await globalForDb.ittifaqPipelinedPool?.end();
  globalForDb.ittifaqPipelinedPool = undefined;
}
