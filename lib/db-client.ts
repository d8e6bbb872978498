import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';

/**
 * The connection pool under a Prisma client. A pooled connection that fails while idle (the server
 * restarted, a proxy dropped it) makes the pool emit 'error'; unhandled, that is an uncaughtException
 * that ends the process. The pool has already discarded the connection and opens a new one on demand.
 */
export function createPool(connectionString: string, options: { max?: number } = {}): pg.Pool {
  // The connection timeout also bounds the wait for a free pooled connection under load.
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 30_000 });
  pool.on('error', (error) => console.error(`ittifaq: an idle database connection failed (${error.message}); it will be replaced.`));
  return pool;
}

/**
 * A Prisma client on the pg driver adapter. Secret columns are omitted from every query unless a
 * query asks for them explicitly (`omit: { passwordHash: false }`).
 */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg(createPool(connectionString, options), { disposeExternalPool: true });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, totpSecret: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

/** The client inside an interactive transaction. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
