import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/server/testing/database';
import { connectDatabase, type DatabaseHandle } from './client';
import { pipelinedTransaction } from './pipelined-transaction';
import { namedStatement } from './named-statement';

const database = setupTestDatabase();
/** One connection only: a transaction that left it reserved or aborted would stall or break the next. */
let single: DatabaseHandle;

beforeAll(async () => {
  single = connectDatabase(database.url, { max: 1 });
  await single.db.execute(sql`create table if not exists pipeline_probe (id int primary key, note text not null)`);
});
afterAll(async () => {
  await single.close();
});

const INSERT_PROBE = namedStatement(
  'insert_probe',
  sql`insert into pipeline_probe values (${sql.placeholder('id')}, ${sql.placeholder('note')}) returning id`,
);
const SELECT_ONE = namedStatement('select_one', sql`select 1`);

const notes = async () =>
  (await single.db.execute<{ id: number }>(sql`select id from pipeline_probe order by id`)).map((row) => row.id);

describe('pipelinedTransaction', () => {
  it('commits the last statement sent with COMMIT, and what the transaction wrote before it', async () => {
    const result = await pipelinedTransaction(single.db, async ({ tx, commitWith }) => {
      await tx.execute(sql`insert into pipeline_probe values (1, 'first')`);
      return commitWith<{ id: number }>(INSERT_PROBE, { id: 2, note: 'second' });
    });
    expect(result).toEqual([{ id: 2 }]);
    expect(await notes()).toEqual([1, 2]);
  });

  it('rolls everything back when the last statement fails, and the connection is usable at once', async () => {
    const failing = pipelinedTransaction(single.db, async ({ tx, commitWith }) => {
      await tx.execute(sql`insert into pipeline_probe values (3, 'kept only with the last')`);
      // A duplicate key: PostgreSQL answers the COMMIT behind it with a rollback.
      return commitWith(INSERT_PROBE, { id: 1, note: 'duplicate' });
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await notes()).toEqual([1, 2]);
  });

  it('rolls back work that throws, and commits work that returns without a last statement', async () => {
    await expect(
      pipelinedTransaction(single.db, async ({ tx }) => {
        await tx.execute(sql`insert into pipeline_probe values (4, 'refused')`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await pipelinedTransaction(single.db, async ({ tx }) => {
      await tx.execute(sql`insert into pipeline_probe values (5, 'committed after')`);
    });
    expect(await notes()).toEqual([1, 2, 5]);
  });

  it('runs its statements in one transaction: another connection sees nothing until COMMIT', async () => {
    const other = connectDatabase(database.url, { max: 1 });
    try {
      await pipelinedTransaction(single.db, async ({ tx, commitWith }) => {
        await tx.execute(sql`insert into pipeline_probe values (6, 'not yet visible')`);
        const seen = await other.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pipeline_probe where id = 6`,
        );
        expect(seen[0]?.n).toBe(0);
        return commitWith(SELECT_ONE, {});
      });
      const after = await other.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pipeline_probe where id = 6`,
      );
      expect(after[0]?.n).toBe(1);
    } finally {
      await other.close();
    }
  });
});
