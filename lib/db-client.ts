import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

/**
 * A Prisma client on the pg driver adapter. Secret columns are omitted from every query unless a
 * query asks for them explicitly (`omit: { passwordHash: false }`).
 */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  // The connection timeout also bounds the wait for a free pooled connection under load.
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 30_000 });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, totpSecret: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

/** The client inside an interactive transaction. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
