import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { contracts, customerAccounts, priceLists } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { isCurrentContract, utcDate } from '@/server/domain/organizations/approval';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import { parseAmountToMinor, parsePercentToBasisPoints } from '@/server/domain/money';
import type { ContractInput, CustomerAccountInput } from '@/server/schemas/onboarding';
import { recordAudit } from '../audit/record-audit';
import { requireSetUpRight } from './registration-review';
import { lockTenant } from '../organizations/tenant-lock';

/** The account representative sets currency, credit limit, payment terms and methods. */
export async function saveCustomerAccount(db: Database, input: CustomerAccountInput, actor: Actor, now: Date) {
  const creditLimitMinor = parseAmountToMinor(input.creditLimit, input.currency);
  if (creditLimitMinor === null)
    throw invalidField('creditLimit', `Enter an amount in ${input.currency}, like 25000 or 25,000.00.`);
  await db.transaction(async (tx) => {
    const organization = await lockTenant(tx, input.organizationId);
    requireSetUpRight(actor, organization);
    const values = {
      currency: input.currency,
      creditLimitMinor,
      paymentTerms: input.paymentTerms,
      paymentMethods: [...new Set(input.paymentMethods)],
      updatedAt: now,
      updatedByUserId: actor.userId,
    };
    await tx
      .insert(customerAccounts)
      .values({ organizationId: organization.id, ...values })
      .onConflictDoUpdate({ target: customerAccounts.organizationId, set: values });
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: actor.userId,
      action: 'account.saved',
      targetType: 'organization',
      targetId: organization.id,
      data: { ...values, updatedAt: undefined },
      now,
    });
  });
}

export async function addContract(db: Database, input: ContractInput, actor: Actor, now: Date) {
  const discountBasisPoints = input.discountPercent ? parsePercentToBasisPoints(input.discountPercent) : null;
  if (input.discountPercent && discountBasisPoints === null)
    throw invalidField('discountPercent', 'Enter a percent from 0 to 100, like 2.5.');
  await db.transaction(async (tx) => {
    const organization = await lockTenant(tx, input.organizationId);
    requireSetUpRight(actor, organization);
    const priceListId = input.priceListId || null;
    if (priceListId) {
      const [list] = await tx.select({ id: priceLists.id }).from(priceLists).where(eq(priceLists.id, priceListId));
      if (!list) throw invalidField('priceListId', 'Choose one of the price lists.');
    }
    const [contract] = await tx
      .insert(contracts)
      .values({
        organizationId: organization.id,
        name: input.name,
        priceListId,
        discountBasisPoints,
        validFrom: input.validFrom,
        validTo: input.validTo || null,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning({ id: contracts.id });
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: actor.userId,
      action: 'contract.added',
      targetType: 'contract',
      targetId: contract?.id,
      data: { name: input.name, validFrom: input.validFrom, validTo: input.validTo || null },
      now,
    });
  });
}

/** Removes a contract; an active organization keeps at least one that is current. */
export async function removeContract(db: Database, contractId: string, actor: Actor, now: Date) {
  await db.transaction(async (tx) => {
    const [contract] = await tx.select().from(contracts).where(eq(contracts.id, contractId));
    if (!contract) throw notFound('That contract');
    const organization = await lockTenant(tx, contract.organizationId);
    requireSetUpRight(actor, organization);
    const others = await tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.organizationId, organization.id)));
    const today = utcDate(now);
    const currentLeft = others.some((other) => other.id !== contract.id && isCurrentContract(other, today));
    if (organization.status === 'active' && isCurrentContract(contract, today) && !currentLeft) {
      throw new DomainError(
        'precondition_failed',
        'An approved organization must keep a current contract. Add its replacement first.',
      );
    }
    await tx.delete(contracts).where(eq(contracts.id, contract.id));
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: actor.userId,
      action: 'contract.removed',
      targetType: 'contract',
      targetId: contract.id,
      data: { name: contract.name },
      now,
    });
  });
}
