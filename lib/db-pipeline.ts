import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from './generated/prisma/client.ts';

export type Row = Record<string, unknown>;

/**
 * Sends statements of the transaction at once and resolves with each one's rows. With `commit`, the
 * COMMIT goes in the same batch: the database commits right after the last statement, without waiting
 * for a round trip through a busy server, so the locks the batch took (the audit chain head) are held
 * only while the database works.
 */
export type Pipeline = (statements: readonly Prisma.Sql[], options?: { commit?: boolean }) => Promise<Row[][]>;

/**
 * Statements run as named prepared statements: each connection parses and plans one once, not on every
 * request (the statements of a review are long CTEs). The name is a digest of the text, so statements
 * must come in a bounded number of shapes: values as parameters, lists as array parameters.
 */
const names = new Map<string, string>();
function prepared(statement: Prisma.Sql): pg.QueryConfig {
  const text = statement.text;
  let name = names.get(text);
  if (!name) {
    name = `ittifaq_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    names.set(text, name);
  }
  return { name, text, values: statement.values };
}

/** A statement that failed because an earlier one in the same batch did; the earlier error is the cause. */
const ABORTED = '25P02';

/**
 * The answers to a batch, once every one is in (so the connection is idle when it goes back to the
 * pool). If any failed, throws the error that caused the others: the first not caused by an earlier one.
 */
async function answers(queries: readonly Promise<pg.QueryResult<Row>>[]): Promise<pg.QueryResult<Row>[]> {
  const settled = await Promise.allSettled(queries);
  const failed = settled.filter((result) => result.status === 'rejected').map((result) => result.reason as Error & { code?: string });
  if (failed.length) throw failed.find((error) => error.code !== ABORTED) ?? failed[0];
  return settled.map((result) => (result as PromiseFulfilledResult<pg.QueryResult<Row>>).value);
}

/**
 * Runs `work` in one transaction on a pipelined connection (lib/db.ts `getPipelinedPool`). Each batch
 * costs one round trip however many statements it holds. The transaction rolls back when `work`
 * throws or a statement fails, and commits after `work` unless its last batch did.
 */
export async function inPipelinedTransaction<T>(pool: pg.Pool, work: (pipeline: Pipeline) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let state = 'idle' as 'idle' | 'open' | 'committed';
  const pipeline: Pipeline = async (statements, { commit = false } = {}) => {
    if (state === 'committed') throw new Error('The transaction has already committed.');
    const leading = state === 'idle' ? 1 : 0;
    const queries = [
      ...(leading ? [client.query<Row>('begin')] : []),
      ...statements.map((statement) => client.query<Row>(prepared(statement))),
      ...(commit ? [client.query<Row>('commit')] : []),
    ];
    state = 'open';
    const results = await answers(queries);
    // A COMMIT of a transaction that failed answers ROLLBACK instead of an error.
    if (commit && results.at(-1)!.command !== 'COMMIT') throw new Error('The transaction was rolled back.');
    if (commit) state = 'committed';
    return results.slice(leading, leading + statements.length).map((result) => result.rows);
  };
  try {
    const result = await work(pipeline);
    if (state === 'open') await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    // A connection that cannot roll back is not returned to the pool.
    const rolledBack =
      state === 'open'
        ? await client.query('rollback').then(
            () => true,
            () => false,
          )
        : true;
    client.release(!rolledBack);
    throw error;
  }
}

/** Runs statements at once on one pipelined connection, each in its own implicit transaction. */
export async function inPipeline(pool: pg.Pool, statements: readonly Prisma.Sql[]): Promise<Row[][]> {
  const client = await pool.connect();
  try {
    return (await answers(statements.map((statement) => client.query<Row>(prepared(statement))))).map((result) => result.rows);
  } finally {
    client.release();
  }
}
