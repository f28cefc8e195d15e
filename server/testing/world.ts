import type { Database } from '@/db/client';
import type { Organization } from '@/db/schema';
import { ACCOUNT_MANAGER, createMember, createOrganization, unique, type Member } from './factories';

export type BuyerOrganization = {
  organization: Organization;
  units: Organization[];
  manager: Member;
  buyer: Member;
};

/** Two buyer organizations that must never see each other, and the seller with its staff. */
export type World = {
  a: BuyerOrganization;
  b: BuyerOrganization;
  seller: { organization: Organization; admin: Member };
};

async function buyerOrganization(db: Database, label: string): Promise<BuyerOrganization> {
  const organization = await createOrganization(db, { name: `${label} Holdings ${unique()}` });
  const purchasing = await createOrganization(db, { parent: organization, name: `${label} Purchasing ${unique()}` });
  const plant = await createOrganization(db, { parent: purchasing, name: `${label} Plant ${unique()}` });
  const manager = await createMember(db, organization, { ...ACCOUNT_MANAGER, user: { name: `${label} Manager ${unique()}` } });
  const buyer = await createMember(db, organization, { unit: plant, roles: ['buyer'], mayOrder: true, user: { name: `${label} Buyer ${unique()}` } });
  return { organization, units: [purchasing, plant], manager, buyer };
}

export async function buildWorld(db: Database): Promise<World> {
  const sellerOrganization = await createOrganization(db, { kind: 'seller', name: `Seller ${unique()}` });
  return {
    a: await buyerOrganization(db, 'Alpha'),
    b: await buyerOrganization(db, 'Beta'),
    seller: {
      organization: sellerOrganization,
      admin: await createMember(db, sellerOrganization, { roles: ['seller_admin'], user: { name: `Staff Admin ${unique()}` } }),
    },
  };
}

/** Every identifier and name of organization B that must not appear in what A's members receive. */
export function markersOf(org: BuyerOrganization): string[] {
  const members = [org.manager, org.buyer];
  return [
    org.organization.id,
    org.organization.name,
    ...org.units.flatMap((unit) => [unit.id, unit.name]),
    ...members.flatMap((member) => [member.membership.id, member.user.id, member.user.email, member.user.name]),
  ];
}
