import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { memberTemplateById } from '@/db/queries/templates';
import { cartLines, orderTemplateLines, orderTemplates, products } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import type { RenameTemplateInput, SaveTemplateInput, TemplateListInput } from '@/server/schemas/order-history';
import { productViews } from '../catalog/browse';
import { refillCart } from './refill-cart';

/**
 * Order templates: carts a member saved under a name to order again. Each belongs to one
 * membership; every query here filters by it, so nobody else can read or change one.
 */

/** Name changes of one member's templates run one at a time, so two saves cannot both take a name. */
async function lockTemplateNames(tx: Executor, membershipId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`countersign.order-templates:${membershipId}`}))`);
}

async function refuseTakenName(tx: Executor, actor: Actor, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: orderTemplates.id })
    .from(orderTemplates)
    .where(
      and(
        eq(orderTemplates.membershipId, actor.membershipId),
        sql`lower(${orderTemplates.name}) = lower(${name})`,
        exceptId ? ne(orderTemplates.id, exceptId) : undefined,
      ),
    );
  if (taken) throw invalidField('name', `You already have a template named “${name}”. Choose another name.`);
}

async function ownTemplate(db: Executor, actor: Actor, templateId: string) {
  const template = await memberTemplateById(db, actor.organizationId, actor.membershipId, templateId);
  if (!template) throw notFound('That template');
  return template;
}

/** Saves the member's cart, as it is now, as a template with a name of their choice. */
export async function saveCartAsTemplate(db: Database, actor: Actor, input: SaveTemplateInput, now: Date) {
  return db.transaction(async (tx) => {
    await lockTemplateNames(tx, actor.membershipId);
    await refuseTakenName(tx, actor, input.name);
    const lines = await tx
      .select({ productId: cartLines.productId, quantity: cartLines.quantity })
      .from(cartLines)
      .innerJoin(products, eq(products.id, cartLines.productId))
      .where(eq(cartLines.membershipId, actor.membershipId))
      .orderBy(asc(cartLines.addedAt), asc(products.sku));
    if (lines.length === 0)
      throw new DomainError('precondition_failed', 'Your cart is empty. Add products before saving it as a template.');
    const [template] = await tx
      .insert(orderTemplates)
      .values({
        organizationId: actor.organizationId,
        membershipId: actor.membershipId,
        name: input.name,
        createdAt: now,
      })
      .returning();
    if (!template) throw new Error('saveCartAsTemplate: the template was not created');
    await tx.insert(orderTemplateLines).values(
      lines.map((line, index) => ({
        templateId: template.id,
        productId: line.productId,
        quantity: line.quantity,
        position: index + 1,
      })),
    );
    return { id: template.id, name: template.name, lineCount: lines.length };
  });
}

/** A page of the member's templates, newest first, with how many products and items each holds. */
export async function listTemplates(db: Executor, actor: Actor, input: TemplateListInput) {
  const rows = await db
    .select({
      id: orderTemplates.id,
      name: orderTemplates.name,
      createdAt: orderTemplates.createdAt,
      lineCount: sql<number>`(select count(*)::int from order_template_lines l where l.template_id = ${orderTemplates.id})`,
      itemCount: sql<number>`(select coalesce(sum(l.quantity), 0)::int from order_template_lines l where l.template_id = ${orderTemplates.id})`,
    })
    .from(orderTemplates)
    .where(
      and(eq(orderTemplates.membershipId, actor.membershipId), eq(orderTemplates.organizationId, actor.organizationId)),
    )
    .orderBy(desc(orderTemplates.createdAt), desc(orderTemplates.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  return { page: input.page, rows: rows.slice(0, input.pageSize), hasNext: rows.length > input.pageSize };
}

async function templateLines(db: Executor, templateId: string) {
  return db
    .select({ quantity: orderTemplateLines.quantity, product: products })
    .from(orderTemplateLines)
    .innerJoin(products, eq(products.id, orderTemplateLines.productId))
    .where(eq(orderTemplateLines.templateId, templateId))
    .orderBy(asc(orderTemplateLines.position));
}

/**
 * One of the member's templates with each product as the member may see it today (price and
 * stock only with the permissions), the quantity, and whether it is still sold.
 */
export async function getTemplate(db: Executor, actor: Actor, templateId: string, now: Date) {
  const template = await ownTemplate(db, actor, templateId);
  const rows = await templateLines(db, template.id);
  const views = await productViews(
    db,
    actor,
    rows.map((row) => row.product),
    now,
    false,
  );
  return {
    id: template.id,
    name: template.name,
    createdAt: template.createdAt,
    lines: rows.map((row, index) => {
      const view = views[index];
      if (!view) throw new Error('getTemplate: a product view is missing');
      return { ...view, active: row.product.active, quantity: row.quantity };
    }),
  };
}

export async function renameTemplate(db: Database, actor: Actor, input: RenameTemplateInput) {
  return db.transaction(async (tx) => {
    await lockTemplateNames(tx, actor.membershipId);
    const template = await ownTemplate(tx, actor, input.templateId);
    await refuseTakenName(tx, actor, input.name, template.id);
    await tx.update(orderTemplates).set({ name: input.name }).where(eq(orderTemplates.id, template.id));
    return { id: template.id, name: input.name };
  });
}

export async function deleteTemplate(db: Executor, actor: Actor, templateId: string) {
  const [deleted] = await db
    .delete(orderTemplates)
    .where(
      and(
        eq(orderTemplates.id, templateId),
        eq(orderTemplates.membershipId, actor.membershipId),
        eq(orderTemplates.organizationId, actor.organizationId),
      ),
    )
    .returning({ id: orderTemplates.id, name: orderTemplates.name });
  if (!deleted) throw notFound('That template');
  return deleted;
}

/** Adds every line of the template still sold to the member's cart; reports the ones left out. */
export async function addTemplateToCart(db: Database, actor: Actor, templateId: string, now: Date) {
  const template = await ownTemplate(db, actor, templateId);
  const rows = await templateLines(db, template.id);
  const lines = rows.map(({ quantity, product }) => ({
    productId: product.id,
    sku: product.sku,
    name: product.name,
    quantity,
    active: product.active,
  }));
  return { name: template.name, ...(await refillCart(db, actor, lines, now)) };
}
