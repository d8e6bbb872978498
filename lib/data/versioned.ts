import 'server-only';
import { ConflictError, NotFoundError } from '../auth/errors.ts';

/**
 * Optimistic concurrency for editable records: the update applies only if the stored version is the
 * one the form was loaded with, and bumps it. Otherwise it throws a ConflictError carrying the stored
 * record, so the form can show what changed instead of overwriting it silently.
 */
export async function updateVersioned<Current>(options: {
  /** `tx.<model>.updateMany`, bound to the model. */
  updateMany: (args: { where: { id: string; version: number }; data: Record<string, unknown> }) => Promise<{ count: number }>;
  /** Loads the stored record (for the conflict message), or null when it no longer exists. */
  load: () => Promise<Current | null>;
  id: string;
  version: number;
  data: Record<string, unknown>;
}): Promise<void> {
  const { count } = await options.updateMany({
    where: { id: options.id, version: options.version },
    data: { ...options.data, version: { increment: 1 } },
  });
  if (count === 1) return;
  const current = await options.load();
  if (current === null) throw new NotFoundError('record');
  throw new ConflictError(current);
}
