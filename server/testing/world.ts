import type { Database } from '@/db/client';
import {
  contracts,
  fulfillmentCenters,
  inventory,
  priceListPrices,
  priceLists,
  products,
  roles,
  type Contract,
  type Order,
  type Organization,
  type OrganizationAddress,
  type Product,
  type Role,
} from '@/db/schema';
import { placeOrder, readyToOrder, requestQuoteFor } from './orders';
import { ACCOUNT_MANAGER, createMember, createOrganization, unique, type Member } from './factories';

export type BuyerOrganization = {
  organization: Organization;
  units: Organization[];
  manager: Member;
  buyer: Member;
  /** A custom role of the organization, held by nobody. */
  customRole: Role;
  /** The organization's contract: the world's price list with a discount of its own. */
  contract: Contract;
  /** A ship-to address of the organization. */
  address: OrganizationAddress;
  /** An order its buyer placed (confirmed: allocated from stock), for probes aimed at its orders. */
  order: Order;
  /** A quote its buyer requested (waiting for prices). */
  quote: { number: string };
};

/** Two buyer organizations that must never see each other, and the seller with its staff. */
export type World = {
  a: BuyerOrganization;
  b: BuyerOrganization;
  seller: { organization: Organization; admin: Member };
  /** A product priced in the price list both contracts name: each organization gets its own price. */
  catalog: { product: Product };
};

/**
 * Each organization's contract terms: a discount no other has, so its price in another's answers
 * is caught; B's starts later, so a query that ignored the organization would pick B's.
 */
const TERMS = {
  Alpha: { discountBasisPoints: 500, validFrom: '2000-01-01' },
  Beta: { discountBasisPoints: 1337, validFrom: '2001-01-01' },
} as const;

async function buyerOrganization(
  db: Database,
  label: keyof typeof TERMS,
  priceListId: string,
): Promise<Omit<BuyerOrganization, 'order' | 'quote'>> {
  const organization = await createOrganization(db, { name: `${label} Holdings ${unique()}` });
  const purchasing = await createOrganization(db, { parent: organization, name: `${label} Purchasing ${unique()}` });
  const plant = await createOrganization(db, { parent: purchasing, name: `${label} Plant ${unique()}` });
  const manager = await createMember(db, organization, {
    ...ACCOUNT_MANAGER,
    user: { name: `${label} Manager ${unique()}` },
  });
  const buyer = await createMember(db, organization, {
    unit: plant,
    roles: ['buyer'],
    mayOrder: true,
    user: { name: `${label} Buyer ${unique()}` },
  });
  const [customRole] = await db
    .insert(roles)
    .values({
      organizationId: organization.id,
      side: 'buyer',
      name: `${label} Role ${unique()}`,
      permissions: ['orders.view@own'],
    })
    .returning();
  if (!customRole) throw new Error('world: could not create the custom role');
  const [contract] = await db
    .insert(contracts)
    .values({ organizationId: organization.id, name: `${label} Contract ${unique()}`, priceListId, ...TERMS[label] })
    .returning();
  if (!contract) throw new Error('world: could not create the contract');
  const { address } = await readyToOrder(db, organization);
  return { organization, units: [purchasing, plant], manager, buyer, customRole, contract, address };
}

export async function buildWorld(db: Database): Promise<World> {
  const sellerOrganization = await createOrganization(db, { kind: 'seller', name: `Seller ${unique()}` });
  const [priceList] = await db
    .insert(priceLists)
    .values({ name: `World USD ${unique()}`, currency: 'USD' })
    .returning();
  const [product] = await db
    .insert(products)
    .values({ sku: `WORLD-${unique()}`.toUpperCase(), name: `World Widget ${unique()}`, category: 'World' })
    .returning();
  if (!priceList || !product) throw new Error('world: could not create the catalog');
  await db.insert(priceListPrices).values({ priceListId: priceList.id, productId: product.id, unitPriceMinor: 10_000 });
  const [center] = await db
    .insert(fulfillmentCenters)
    .values({ code: `W${unique()}`.slice(0, 20).toUpperCase(), name: `World Center ${unique()}` })
    .returning();
  if (!center) throw new Error('world: could not create the fulfillment center');
  await db.insert(inventory).values({ productId: product.id, fulfillmentCenterId: center.id, onHand: 1_000 });
  const withOrder = async (organization: Omit<BuyerOrganization, 'order' | 'quote'>): Promise<BuyerOrganization> => ({
    ...organization,
    order: await placeOrder(db, organization.buyer, {
      lines: [[product, 2]],
      addressId: organization.address.id,
      poNumber: `PO-${organization.organization.name}`,
    }),
    quote: await requestQuoteFor(db, organization.buyer, product),
  });
  return {
    catalog: { product },
    a: await withOrder(await buyerOrganization(db, 'Alpha', priceList.id)),
    b: await withOrder(await buyerOrganization(db, 'Beta', priceList.id)),
    seller: {
      organization: sellerOrganization,
      admin: await createMember(db, sellerOrganization, {
        roles: ['seller_admin'],
        user: { name: `Staff Admin ${unique()}` },
      }),
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
    org.customRole.id,
    org.customRole.name,
    org.contract.id,
    org.contract.name,
    // The contract's discount as a catalog answer carries it; no other organization has this one.
    `"discountBasisPoints":${org.contract.discountBasisPoints}`,
    org.address.id,
    org.address.label,
    org.order.id,
    org.order.number,
    org.quote.number,
  ];
}
