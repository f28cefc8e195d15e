import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { addressById } from '@/db/queries/addresses';
import { organizationAddresses } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { formatAddressLines } from '@/server/domain/addresses/format-address';
import { DomainError, notFound } from '@/server/domain/errors';
import type { AddressFields } from '@/server/schemas/addresses';
import { recordAudit } from '../audit/record-audit';
import { lockTenant } from './tenant-lock';

/**
 * The organization's ship-to addresses: the default first, then active ones by name, then inactive
 * ones; each with its lines as the post of its country writes them, for the page to show as they are.
 */
export async function listAddresses(db: Executor, actor: Actor) {
  const rows = await db
    .select()
    .from(organizationAddresses)
    .where(eq(organizationAddresses.organizationId, actor.organizationId))
    .orderBy(
      desc(organizationAddresses.active),
      desc(organizationAddresses.isDefault),
      asc(organizationAddresses.label),
    );
  return rows.map((row) => ({ ...row, lines: formatAddressLines(row) }));
}

const columnsOf = (input: AddressFields) => ({
  ...input,
  addressLine2: input.addressLine2 || null,
  region: input.region || null,
});

async function lockedAddress(tx: Executor, actor: Actor, addressId: string) {
  await lockTenant(tx, actor.organizationId);
  const address = await addressById(tx, actor.organizationId, addressId);
  if (!address) throw notFound('That address');
  return address;
}

const audit = (tx: Executor, actor: Actor, action: string, addressId: string, label: string, now: Date) =>
  recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action,
    targetType: 'address',
    targetId: addressId,
    data: { name: label },
    now,
  });

/** A new address; the organization's first one becomes its default. */
export async function createAddress(db: Database, actor: Actor, input: AddressFields, now: Date) {
  return db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const [other] = await tx
      .select({ id: organizationAddresses.id })
      .from(organizationAddresses)
      .where(
        and(eq(organizationAddresses.organizationId, actor.organizationId), eq(organizationAddresses.active, true)),
      )
      .limit(1);
    const [created] = await tx
      .insert(organizationAddresses)
      .values({ ...columnsOf(input), organizationId: actor.organizationId, isDefault: !other, createdAt: now })
      .returning();
    if (!created) throw new Error('createAddress: nothing inserted');
    await audit(tx, actor, 'address.created', created.id, created.label, now);
    return created;
  });
}

/** Edits an address. Orders already placed keep the address they were shipped to. */
export async function updateAddress(
  db: Database,
  actor: Actor,
  input: AddressFields & { addressId: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    await lockedAddress(tx, actor, input.addressId);
    const { addressId, ...fields } = input;
    const [updated] = await tx
      .update(organizationAddresses)
      .set(columnsOf(fields))
      .where(eq(organizationAddresses.id, addressId))
      .returning();
    if (!updated) throw notFound('That address');
    await audit(tx, actor, 'address.updated', updated.id, updated.label, now);
    return updated;
  });
}

/** The address checkout offers first. Only an active address can be the default. */
export async function makeDefaultAddress(db: Database, actor: Actor, addressId: string, now: Date) {
  return db.transaction(async (tx) => {
    const address = await lockedAddress(tx, actor, addressId);
    if (!address.active)
      throw new DomainError('precondition_failed', 'Reactivate the address before making it the default.');
    await tx
      .update(organizationAddresses)
      .set({ isDefault: false })
      .where(
        and(eq(organizationAddresses.organizationId, actor.organizationId), ne(organizationAddresses.id, addressId)),
      );
    await tx.update(organizationAddresses).set({ isDefault: true }).where(eq(organizationAddresses.id, addressId));
    await audit(tx, actor, 'address.made_default', addressId, address.label, now);
  });
}

/**
 * Deactivates (checkout stops offering it) or reactivates an address. The last active address
 * cannot go: an organization without one could not order at all. A deactivated default hands
 * the default to another active address.
 */
export async function setAddressActive(
  db: Database,
  actor: Actor,
  input: { addressId: string; active: boolean },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const address = await lockedAddress(tx, actor, input.addressId);
    if (address.active === input.active) return;
    const others = await tx
      .select({ id: organizationAddresses.id })
      .from(organizationAddresses)
      .where(
        and(
          eq(organizationAddresses.organizationId, actor.organizationId),
          eq(organizationAddresses.active, true),
          ne(organizationAddresses.id, address.id),
        ),
      )
      .orderBy(asc(organizationAddresses.label));
    if (!input.active && others.length === 0)
      throw new DomainError(
        'precondition_failed',
        'This is the only active address; add another before deactivating it.',
      );
    await tx
      .update(organizationAddresses)
      .set({ active: input.active, isDefault: input.active ? address.isDefault : false })
      .where(eq(organizationAddresses.id, address.id));
    const [heir] = others;
    if (!input.active && address.isDefault && heir)
      await tx.update(organizationAddresses).set({ isDefault: true }).where(eq(organizationAddresses.id, heir.id));
    await audit(
      tx,
      actor,
      input.active ? 'address.reactivated' : 'address.deactivated',
      address.id,
      address.label,
      now,
    );
  });
}
