/** Every demo login has this password; `npm run dev` prints the list. */
export const DEMO_PASSWORD = 'countersign-demo';

type DemoFlags = Partial<{
  mayOrder: boolean;
  maySeePrices: boolean;
  maySeeStock: boolean;
  mayAuthorizeOrders: boolean;
  hasLimitedBudget: boolean;
}>;
export type DemoMember = {
  email: string;
  name: string;
  unit?: string;
  shopAccountRole?: 'account_manager' | 'sub_account' | 'regular';
  roles: string[];
  flags?: DemoFlags;
};
export type DemoOrganization = {
  name: string;
  kind: 'buyer' | 'seller';
  status: 'active' | 'pending_approval';
  units: { name: string; parent?: string }[];
  members: DemoMember[];
};

const manager: DemoFlags = { mayOrder: true, mayAuthorizeOrders: true };
const buyer: DemoFlags = { mayOrder: true };

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: 'Countersign Supply Co.',
    kind: 'seller',
    status: 'active',
    units: [],
    members: [
      { email: 'admin@countersign.test', name: 'Sofia Seller', roles: ['seller_admin'] },
      { email: 'rep.one@countersign.test', name: 'Ravi Rep', roles: ['account_rep'] },
      { email: 'rep.two@countersign.test', name: 'Rita Rep', roles: ['account_rep'] },
      { email: 'payments@countersign.test', name: 'Paul Payments', roles: ['payment_reviewer'] },
      { email: 'fulfillment@countersign.test', name: 'Fiona Fulfillment', roles: ['fulfillment_clerk'] },
    ],
  },
  {
    name: 'Northwind Traders',
    kind: 'buyer',
    status: 'active',
    units: [{ name: 'Purchasing' }, { name: 'Finance' }, { name: 'Warehouse East', parent: 'Purchasing' }],
    members: [
      {
        email: 'alice@northwind.test',
        name: 'Alice Admin',
        shopAccountRole: 'account_manager',
        roles: ['account_manager'],
        flags: manager,
      },
      {
        email: 'paula@northwind.test',
        name: 'Paula Purchasing',
        unit: 'Purchasing',
        shopAccountRole: 'sub_account',
        roles: ['authorizer', 'buyer'],
        flags: manager,
      },
      {
        email: 'frank@northwind.test',
        name: 'Frank Finance',
        unit: 'Finance',
        shopAccountRole: 'sub_account',
        roles: ['authorizer'],
        flags: { mayAuthorizeOrders: true },
      },
      {
        email: 'bob@northwind.test',
        name: 'Bob Buyer',
        unit: 'Purchasing',
        shopAccountRole: 'sub_account',
        roles: ['buyer'],
        flags: { ...buyer, hasLimitedBudget: true },
      },
      {
        email: 'wendy@northwind.test',
        name: 'Wendy Warehouse',
        unit: 'Warehouse East',
        shopAccountRole: 'sub_account',
        roles: ['buyer'],
        flags: { ...buyer, hasLimitedBudget: true, maySeePrices: false },
      },
      {
        email: 'victor@northwind.test',
        name: 'Victor Viewer',
        unit: 'Finance',
        shopAccountRole: 'regular',
        roles: ['viewer'],
        flags: { maySeeStock: false },
      },
      {
        email: 'morgan@shared.test',
        name: 'Morgan Multi',
        unit: 'Purchasing',
        shopAccountRole: 'sub_account',
        roles: ['buyer'],
        flags: buyer,
      },
    ],
  },
  {
    name: 'Contoso Manufacturing',
    kind: 'buyer',
    status: 'active',
    units: [{ name: 'Plant North' }, { name: 'Plant South' }, { name: 'Maintenance', parent: 'Plant North' }],
    members: [
      {
        email: 'carla@contoso.test',
        name: 'Carla Admin',
        shopAccountRole: 'account_manager',
        roles: ['account_manager'],
        flags: manager,
      },
      {
        email: 'dana@contoso.test',
        name: 'Dana Director',
        unit: 'Plant North',
        shopAccountRole: 'sub_account',
        roles: ['authorizer'],
        flags: { mayAuthorizeOrders: true },
      },
      {
        email: 'evan@contoso.test',
        name: 'Evan Engineer',
        unit: 'Maintenance',
        shopAccountRole: 'sub_account',
        roles: ['buyer'],
        flags: { ...buyer, hasLimitedBudget: true },
      },
      {
        email: 'gina@contoso.test',
        name: 'Gina Buyer',
        unit: 'Plant South',
        shopAccountRole: 'sub_account',
        roles: ['buyer'],
        flags: buyer,
      },
      {
        email: 'morgan@shared.test',
        name: 'Morgan Multi',
        unit: 'Plant South',
        shopAccountRole: 'sub_account',
        roles: ['buyer', 'authorizer'],
        flags: manager,
      },
    ],
  },
  {
    name: 'Fabrikam Labs',
    kind: 'buyer',
    status: 'pending_approval',
    units: [],
    members: [
      {
        email: 'harper@fabrikam.test',
        name: 'Harper Pending',
        shopAccountRole: 'account_manager',
        roles: ['account_manager'],
        flags: manager,
      },
    ],
  },
];
