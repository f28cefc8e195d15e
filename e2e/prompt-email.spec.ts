import { expect, test } from './fixtures/test';
import { and, eq } from 'drizzle-orm';
import { devMailbox, users } from '@/db/schema';
import { signInViaForm } from './fixtures/auth';
import { createPerson, e2eDb } from './fixtures/db';

const DAY_MS = 24 * 3600_000;

// No scheduler runs in the e2e server and this spec runs no job: only the prompt send after the
// next-auth request can deliver the email this fast.
test('a sign-in refused for inactivity puts the re-verification email in the dev mailbox within a second', async ({
  page,
}) => {
  const person = await createPerson({ organizationName: 'Contoso Manufacturing', roles: ['buyer'] });
  await e2eDb()
    .update(users)
    .set({ lastActiveAt: new Date(Date.now() - 100 * DAY_MS) })
    .where(eq(users.id, person.userId));

  await signInViaForm(page, person.email);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('we have emailed you a link');

  await expect
    .poll(
      async () =>
        (
          await e2eDb()
            .select({ id: devMailbox.id })
            .from(devMailbox)
            .where(
              and(
                eq(devMailbox.toAddress, person.email),
                eq(devMailbox.subject, 'Confirm it is you to use Countersign again'),
              ),
            )
        ).length,
      { timeout: 1000, intervals: [100] },
    )
    .toBe(1);
});
