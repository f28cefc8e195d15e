import { router } from '../init';
import { accountRouter } from './account';
import { addressesRouter } from './addresses';
import { approvalQuestionsRouter } from './approval-questions';
import { approvalRulesRouter } from './approval-rules';
import { authorizationsRouter } from './authorizations';
import { delegationsRouter } from './delegations';
import { devicesRouter } from './devices';
import { devMailboxRouter } from './dev-mailbox';
import { spendingLimitsRouter } from './spending-limits';
import { catalogRouter } from './catalog';
import { cartRouter } from './cart';
import { staffCatalogRouter } from './staff-catalog';
import { checkoutRouter } from './checkout';
import { erpKeysRouter } from './erp-keys';
import { fulfillmentRouter } from './fulfillment';
import { homeRouter } from './home';
import { insightsRouter } from './insights';
import { orderTemplatesRouter } from './order-templates';
import { ordersRouter } from './orders';
import { quotesRouter } from './quotes';
import { staffOrdersRouter } from './staff-orders';
import { staffQuotesRouter } from './staff-quotes';
import { erpRouter } from './erp';
import { invitationsRouter } from './invitations';
import { auditHistoryRouter } from './audit-history';
import { joinRequestsRouter } from './join-requests';
import { membersRouter } from './members';
import { notificationsRouter } from './notifications';
import { onboardingRouter } from './onboarding';
import { organizationRouter } from './organization';
import { passkeysRouter } from './passkeys';
import { registrationsRouter } from './registrations';
import { rolesRouter } from './roles';
import { secondFactorRouter } from './second-factor';
import { sessionRouter } from './session';
import { staffRouter } from './staff';
import { unitsRouter } from './units';

export const appRouter = router({
  session: sessionRouter,
  home: homeRouter,
  account: accountRouter,
  passkeys: passkeysRouter,
  devices: devicesRouter,
  secondFactor: secondFactorRouter,
  organization: organizationRouter,
  onboarding: onboardingRouter,
  units: unitsRouter,
  addresses: addressesRouter,
  members: membersRouter,
  roles: rolesRouter,
  auditHistory: auditHistoryRouter,
  insights: insightsRouter,
  joinRequests: joinRequestsRouter,
  registrations: registrationsRouter,
  erp: erpRouter,
  catalog: catalogRouter,
  staffCatalog: staffCatalogRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  authorizations: authorizationsRouter,
  approvalRules: approvalRulesRouter,
  approvalQuestions: approvalQuestionsRouter,
  spendingLimits: spendingLimitsRouter,
  delegations: delegationsRouter,
  orders: ordersRouter,
  orderTemplates: orderTemplatesRouter,
  staffOrders: staffOrdersRouter,
  quotes: quotesRouter,
  staffQuotes: staffQuotesRouter,
  fulfillment: fulfillmentRouter,
  erpKeys: erpKeysRouter,
  invitations: invitationsRouter,
  staff: staffRouter,
  devMailbox: devMailboxRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
