import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Tx } from '../db-client.ts';
import { getDb } from '../db.ts';

/**
 * Every write transaction takes its locks in this order, so two of them never wait for each other
 * in a cycle (README, "Locks"):
 *
 * 1. agreement rows, in id order (`lockAgreement`, `lockAgreements`: FOR NO KEY UPDATE; recording
 *    takes FOR SHARE, so it waits for a change of the agreement but not for other recordings);
 * 2. rows that belong to those agreements: milestones, progress updates, links, assignments;
 * 3. other rows: users, parties, sectors, settings, sign-in throttles;
 * 4. the audit chain head, last (`appendAudit`, `appendAuditEvents`), held until commit.
 *
 * PostgreSQL can still abort a transaction: a deadlock through locks taken implicitly (a foreign-key
 * check, a unique index) or a serialization failure under repeatable read. `writeTransaction` runs
 * the work again then, so contention never reaches a user as an error.
 */

/** SQLSTATEs worth another attempt: serialization_failure, deadlock_detected, lock_not_available. */
const RETRYABLE_STATES = new Set(['40001', '40P01', '55P03']);
/** Prisma's code for a transaction aborted by a write conflict or a deadlock. */
const PRISMA_WRITE_CONFLICT = 'P2034';
export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 10;

/**
 * Whether `error` is contention: PostgreSQL's code on the error itself (pg), or where Prisma and its
 * driver adapter put it (a raw query's `meta.driverAdapterError.cause.originalCode`; P2034 for
 * queries Prisma builds).
 */
export function isContention(error: unknown): boolean {
  const pending = [error];
  for (let seen = 0; pending.length && seen < 10; seen += 1) {
    const node = pending.shift();
    if (!node || typeof node !== 'object') continue;
    const { code, originalCode, meta, cause } = node as {
      code?: unknown;
      originalCode?: unknown;
      meta?: { driverAdapterError?: unknown };
      cause?: unknown;
    };
    if (code === PRISMA_WRITE_CONFLICT || RETRYABLE_STATES.has(String(code)) || RETRYABLE_STATES.has(String(originalCode))) return true;
    pending.push(cause, meta?.driverAdapterError);
  }
  return false;
}

export interface WriteTransactionOptions {
  isolationLevel?: 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
  /** How long the work may take, in ms. */
  timeout?: number;
}

/**
 * Runs `work` in one transaction and retries it, up to MAX_ATTEMPTS times with a short jittered
 * backoff, when PostgreSQL aborts it for contention. `work` must have no effect outside the
 * transaction (it may run more than once); anything else it throws is passed on at once.
 */
export async function writeTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options: WriteTransactionOptions = {},
  db: Db = getDb(),
): Promise<T> {
  // A free connection may be some time coming under load; the work itself waits on row locks.
  const settings = { maxWait: 15_000, timeout: options.timeout ?? 30_000, isolationLevel: options.isolationLevel };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(work, settings);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isContention(error)) throw error;
      // Full jitter: transactions that collided once do not collide again on the same schedule.
      await sleep(Math.random() * BASE_DELAY_MS * 2 ** attempt);
    }
  }
}
