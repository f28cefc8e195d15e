import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { orderTemplates, products, type Organization, type PriceList, type Product } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';
import { createProduct, givePriceList } from '@/server/testing/catalog';

const database = setupTestDatabase();

let organization: Organization;
let list: PriceList;
let buyer: Member;
let pens: Product;
let paper: Product;

beforeEach(async () => {
  organization = await createOrganization(database.db);
  list = await givePriceList(database.db, organization);
  buyer = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
  pens = await createProduct(database.db, { prices: [[list, 350]], onHand: 100 });
  paper = await createProduct(database.db, { prices: [[list, 899]], onHand: 100 });
});

const callerOf = async (member: Member) => createCaller(await signIn(database.db, member.membership));

async function cartWith(member: Member, lines: [Product, number][]) {
  const caller = await callerOf(member);
  await caller.cart.clear();
  for (const [product, quantity] of lines) await caller.cart.add({ sku: product.sku, quantity });
  return caller;
}

describe('order templates', () => {
  it('saves the cart under a name, lists it, opens it with today’s prices, and adds it back to the cart', async () => {
    const caller = await cartWith(buyer, [
      [pens, 12],
      [paper, 5],
    ]);
    const saved = await caller.orderTemplates.saveCart({ name: '  Weekly office supplies ' });
    expect(saved).toMatchObject({ name: 'Weekly office supplies', lineCount: 2 });
    expect((await caller.cart.get()).lines).toHaveLength(2);

    const page = await caller.orderTemplates.list({});
    expect(page.rows).toMatchObject([{ id: saved.id, name: 'Weekly office supplies', lineCount: 2, itemCount: 17 }]);
    const template = await caller.orderTemplates.get({ templateId: saved.id });
    expect(template.lines).toMatchObject([
      {
        sku: pens.sku,
        quantity: 12,
        active: true,
        price: { unitPriceMinor: 350, currency: 'USD' },
        stock: { available: 100 },
      },
      { sku: paper.sku, quantity: 5, active: true, price: { unitPriceMinor: 899 } },
    ]);

    await caller.cart.clear();
    await database.db.update(products).set({ active: false }).where(eq(products.id, paper.id));
    const added = await caller.orderTemplates.addToCart({ templateId: saved.id });
    expect(added).toEqual({
      name: 'Weekly office supplies',
      added: 1,
      leftOut: [{ sku: paper.sku, name: paper.name, quantity: 5, reason: 'This product is no longer sold.' }],
    });
    expect((await caller.cart.get()).lines.map((line) => [line.sku, line.quantity])).toEqual([[pens.sku, 12]]);
  });

  it('refuses a name the member already uses (any case) at the name field, and an empty cart', async () => {
    const caller = await cartWith(buyer, [[pens, 1]]);
    const first = await caller.orderTemplates.saveCart({ name: 'Monthly' });
    const taken = await trpcErrorOf(caller.orderTemplates.saveCart({ name: 'MONTHLY' }));
    expect(taken.code).toBe('BAD_REQUEST');
    expect(taken.cause).toMatchObject({
      fieldErrors: { name: ['You already have a template named “MONTHLY”. Choose another name.'] },
    });
    const blank = await trpcErrorOf(caller.orderTemplates.saveCart({ name: '   ' }));
    expect(blank.cause).toMatchObject({
      issues: [expect.objectContaining({ message: 'Enter a name for the template.' })],
    });
    const long = await trpcErrorOf(caller.orderTemplates.saveCart({ name: 'x'.repeat(101) }));
    expect(long.code).toBe('BAD_REQUEST');

    const second = await caller.orderTemplates.saveCart({ name: 'Quarterly' });
    const renameTaken = await trpcErrorOf(caller.orderTemplates.rename({ templateId: second.id, name: 'monthly' }));
    expect(renameTaken.cause).toMatchObject({
      fieldErrors: { name: [expect.stringContaining('already have a template named')] },
    });
    await expect(caller.orderTemplates.rename({ templateId: first.id, name: 'monthly' })).resolves.toEqual({
      id: first.id,
      name: 'monthly',
    });

    await caller.cart.clear();
    const empty = await trpcErrorOf(caller.orderTemplates.saveCart({ name: 'Nothing' }));
    expect(empty).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Your cart is empty. Add products before saving it as a template.',
    });
  });

  it('lets two members use the same name, and saves one template when one member saves twice at once', async () => {
    const colleague = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
    await (await cartWith(colleague, [[pens, 1]])).orderTemplates.saveCart({ name: 'Standard' });
    const caller = await cartWith(buyer, [[pens, 1]]);
    const outcomes = await Promise.allSettled([
      caller.orderTemplates.saveCart({ name: 'Standard' }),
      caller.orderTemplates.saveCart({ name: 'Standard' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(
      await database.db.select().from(orderTemplates).where(eq(orderTemplates.membershipId, buyer.membership.id)),
    ).toHaveLength(1);
  });

  it('keeps templates to their member: a colleague — even the account manager — gets NOT_FOUND and changes nothing', async () => {
    const saved = await (await cartWith(buyer, [[pens, 2]])).orderTemplates.saveCart({ name: 'Mine' });
    const manager = await createMember(database.db, organization, ACCOUNT_MANAGER);
    const other = await callerOf(manager);
    expect((await other.orderTemplates.list({})).rows).toEqual([]);
    // Each call starts only when its turn comes: a refusal nobody awaits yet would be an unhandled rejection.
    for (const attempt of [
      () => other.orderTemplates.get({ templateId: saved.id }),
      () => other.orderTemplates.rename({ templateId: saved.id, name: 'Taken over' }),
      () => other.orderTemplates.delete({ templateId: saved.id }),
      () => other.orderTemplates.addToCart({ templateId: saved.id }),
    ]) {
      expect(await trpcErrorOf(attempt())).toMatchObject({
        code: 'NOT_FOUND',
        message: 'That template was not found.',
      });
    }
    expect((await other.cart.get()).lines).toEqual([]);
    await expect((await callerOf(buyer)).orderTemplates.get({ templateId: saved.id })).resolves.toMatchObject({
      name: 'Mine',
    });
  });

  it('deletes a template, and pages the list newest first', async () => {
    const caller = await cartWith(buyer, [[pens, 1]]);
    const names = ['One', 'Two', 'Three'];
    const saved = [];
    for (const name of names) saved.push(await caller.orderTemplates.saveCart({ name }));
    const first = await caller.orderTemplates.list({ pageSize: 2 });
    expect(first).toMatchObject({ page: 1, hasNext: true });
    const second = await caller.orderTemplates.list({ page: 2, pageSize: 2 });
    expect([...first.rows, ...second.rows].map((row) => row.name).sort()).toEqual([...names].sort());
    expect(second.hasNext).toBe(false);

    const [one] = saved;
    if (!one) throw new Error('no template');
    await expect(caller.orderTemplates.delete({ templateId: one.id })).resolves.toEqual({ id: one.id, name: 'One' });
    expect(await trpcErrorOf(caller.orderTemplates.get({ templateId: one.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows a member who may not see prices no price key in a template', async () => {
    const blind = await createMember(database.db, organization, {
      roles: ['buyer'],
      mayOrder: true,
      maySeePrices: false,
    });
    const caller = await cartWith(blind, [[pens, 3]]);
    const saved = await caller.orderTemplates.saveCart({ name: 'No prices' });
    const answers = [
      await caller.orderTemplates.list({}),
      await caller.orderTemplates.get({ templateId: saved.id }),
      await caller.orderTemplates.addToCart({ templateId: saved.id }),
    ];
    for (const answer of answers)
      expect(JSON.stringify(answer)).not.toMatch(/Minor"|"price"|"total"|subtotal|discountBasisPoints/);
    expect(answers[1]).toMatchObject({ lines: [{ sku: pens.sku, quantity: 3 }] });
  });
});
