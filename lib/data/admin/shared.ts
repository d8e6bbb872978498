import 'server-only';
import { RuleViolation } from '../../auth/errors.ts';
import type { Tx } from '../../db-client.ts';
import { toIsoDate } from '../../dates.ts';
import { Prisma } from '../../generated/prisma/client.ts';

/** A calendar date as the forms and the audit trail show it. */
export function isoDay(date: Date | null): string {
  return date ? toIsoDate(date) : '';
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Runs a write that may trip a unique index (a slug or an email taken by a concurrent save) and
 * reports it as the check before it would have.
 */
export async function withUniqueRule<T>(reason: string, field: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleViolation(reason, field);
    throw error;
  }
}

/** Refuses ids of parties that do not exist or were archived (merged away). */
export async function assertLiveParties(tx: Tx, ids: (string | null)[], field: string) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return;
  const found = await tx.party.count({ where: { id: { in: wanted }, archivedAt: null } });
  if (found !== wanted.length) throw new RuleViolation('invalidChoice', field);
}

export async function assertLiveSectors(tx: Tx, ids: string[], field: string) {
  if (ids.length === 0) return;
  const found = await tx.sector.count({ where: { id: { in: ids }, archivedAt: null } });
  if (found !== ids.length) throw new RuleViolation('invalidChoice', field);
}
