// The write-transaction helper against real PostgreSQL: a transaction aborted for contention runs
// again, and only then; anything else is passed on at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db.ts';
import { MAX_ATTEMPTS, writeTransaction } from '../../lib/data/write-transaction.ts';
import { withClient } from '../support/db.ts';

const counters = () =>
  withClient(async (client) => (await client.query<{ n: number }>('select n from probe order by id')).rows.map((row) => row.n));

beforeAll(async () => {
  await withClient((client) =>
    client.query('create table probe (id int primary key, n int not null); insert into probe values (1, 0), (2, 0)'),
  );
});

describe('a write transaction', () => {
  it('that PostgreSQL aborts as a deadlock victim runs again, so both sides commit once', async () => {
    let attempts = 0;
    let arrived = 0;
    let release!: () => void;
    const bothHoldOneRow = new Promise<void>((resolve) => (release = resolve));
    // Each takes one row, waits until the other holds the other row, then asks for it: a deadlock.
    const crosswise = (first: number, second: number) =>
      writeTransaction(async (tx) => {
        attempts += 1;
        await tx.$executeRaw`update probe set n = n + 1 where id = ${first}`;
        if (++arrived === 2) release();
        await bothHoldOneRow;
        await tx.$executeRaw`update probe set n = n + 1 where id = ${second}`;
      });
    await Promise.all([crosswise(1, 2), crosswise(2, 1)]);
    expect(attempts).toBe(3);
    expect(await counters()).toEqual([2, 2]);
  });

  it('that fails for any other reason is not run again', async () => {
    let attempts = 0;
    const failing = writeTransaction(async (tx) => {
      attempts += 1;
      await tx.$executeRaw`update probe set n = null where id = 1`;
    });
    await expect(failing).rejects.toThrow(/null value/);
    expect(attempts).toBe(1);
  });

  it(`is given up after ${MAX_ATTEMPTS} attempts when the contention does not end`, async () => {
    let attempts = 0;
    const hopeless = writeTransaction(async () => {
      attempts += 1;
      throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
    });
    await expect(hopeless).rejects.toThrow(/could not serialize/);
    expect(attempts).toBe(MAX_ATTEMPTS);
    expect(await counters()).toEqual([2, 2]);
    await getDb().$disconnect();
  });
});
