// Transactions on a pipelined connection: a batch is one round trip, and a failure anywhere in it,
// or in the code between batches, leaves nothing written.
import { describe, expect, it } from 'vitest';
import { auditAppendSql } from '../../lib/audit/write.ts';
import { getPipelinedPool } from '../../lib/db.ts';
import { inPipeline, inPipelinedTransaction } from '../../lib/db-pipeline.ts';
import { Prisma } from '../../lib/generated/prisma/client.ts';
import { withClient } from '../support/db.ts';

const SETUP = 'create table if not exists pipeline_probe (id int primary key, label text not null)';
const labels = () =>
  withClient(async (client) =>
    (await client.query<{ label: string }>('select label from pipeline_probe order by id')).rows.map((row) => row.label),
  );
const insert = (id: number, label: string | null) =>
  Prisma.sql`insert into pipeline_probe (id, label) values (${id}, ${label}) returning id`;

describe('a pipelined transaction', () => {
  it('answers each statement of a batch in order and commits with the last batch', async () => {
    await withClient((client) => client.query(SETUP));
    const rows = await inPipelinedTransaction(getPipelinedPool(), async (pipeline) => {
      const [first, second] = await pipeline([insert(1, 'one'), insert(2, 'two')]);
      const [read] = await pipeline([Prisma.sql`select count(*)::int as n from pipeline_probe`], { commit: true });
      return [first, second, read];
    });
    expect(rows).toEqual([[{ id: 1 }], [{ id: 2 }], [{ n: 2 }]]);
    expect(await labels()).toEqual(['one', 'two']);
  });

  it('commits after the work when no batch did', async () => {
    await inPipelinedTransaction(getPipelinedPool(), (pipeline) => pipeline([insert(3, 'three')]));
    expect(await labels()).toEqual(['one', 'two', 'three']);
  });

  it('rolls back a batch with a failing statement and reports that statement, not the ones it aborted', async () => {
    const attempt = inPipelinedTransaction(getPipelinedPool(), (pipeline) =>
      pipeline([insert(4, 'four'), insert(5, null), insert(6, 'six')], { commit: true }),
    );
    await expect(attempt).rejects.toMatchObject({ code: '23502', column: 'label' });
    expect(await labels()).toEqual(['one', 'two', 'three']);
  });

  it('rolls back what earlier batches wrote when the work throws between batches', async () => {
    const attempt = inPipelinedTransaction(getPipelinedPool(), async (pipeline) => {
      await pipeline([insert(7, 'seven')]);
      throw new Error('refused by a check');
    });
    await expect(attempt).rejects.toThrow('refused by a check');
    expect(await labels()).toEqual(['one', 'two', 'three']);
    // The connection went back to the pool clean: the next transaction on it works.
    await inPipelinedTransaction(getPipelinedPool(), (pipeline) => pipeline([insert(8, 'eight')], { commit: true }));
    expect(await labels()).toEqual(['one', 'two', 'three', 'eight']);
  });

  it('runs a batch outside a transaction statement by statement: one failing keeps the others', async () => {
    const attempt = inPipeline(getPipelinedPool(), [insert(9, 'nine'), insert(10, null)]);
    await expect(attempt).rejects.toMatchObject({ code: '23502' });
    expect(await labels()).toEqual(['one', 'two', 'three', 'eight', 'nine']);
  });

  it('cannot commit a change with its audit event missing: without a chain head the append fails', async () => {
    await withClient(async (client) => {
      await client.query('begin');
      await client.query('alter table audit_chain_head disable trigger user');
      await client.query('delete from audit_chain_head');
      const append = Prisma.sql`with ${auditAppendSql({ actorId: null, action: 'probe', entityType: 'probe', entityId: '1' })} select from audit_appended`;
      await expect(client.query(append.text, append.values)).rejects.toMatchObject({ code: '23502', column: 'hash' });
      await client.query('rollback');
    });
  });
});
