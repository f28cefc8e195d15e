import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { orders, users } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { seedDemoOrders } from './demo-orders';
import { seedDemoData } from './seed';

const database = setupTestDatabase();

it('seeds a small order history through the real checkout, in every early state', async () => {
  await seedDemoData(database.db);
  await seedDemoOrders(database.db);
  const rows = await database.db
    .select({ status: orders.status, po: orders.poNumber, email: users.email })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId));
  const statusOf = (po: string) => rows.find((row) => row.po === po)?.status;
  expect(rows).toHaveLength(6);
  expect(statusOf('NW-4501')).toBe('released');
  expect(statusOf('CT-2210')).toBe('released');
  expect(statusOf('NW-4502')).toBe('payment_authorized');
  expect(statusOf('NW-4503')).toBe('payment_review');
  expect(statusOf('NW-4510')).toBe('payment_authorized');
  // Bob's large order is over his demo spending limits: it waits for Paula or Alice, then Frank.
  expect(statusOf('NW-4511')).toBe('pending_approval');
});
