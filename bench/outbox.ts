import type { Sql } from './database';

/**
 * Keeps the email outbox from being sent during the bench. After every mutation that queued an
 * email the app kicks its in-process dispatcher (server/email/delivery.ts `kickEmailDispatch`),
 * and a production start needs RESEND_API_KEY or the dev mailbox. With `hold` a trigger in the
 * bench database dates each new outbox row far ahead, so the dispatcher finds nothing due: rows
 * accumulate, the kick costs one empty claim query. Dropped again at the end of the run.
 */
export async function holdOutbox(sql: Sql, hold: boolean): Promise<void> {
  await sql.unsafe('drop trigger if exists bench_hold_outbox on email_outbox');
  if (!hold) return;
  await sql.unsafe(`
    create or replace function bench.hold_outbox() returns trigger language plpgsql as $$
    begin
      new.next_attempt_at := now() + interval '100 years';
      return new;
    end $$;
    create trigger bench_hold_outbox before insert on email_outbox for each row execute function bench.hold_outbox();`);
}
