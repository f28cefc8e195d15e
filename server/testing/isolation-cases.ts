import { DEFAULT_PASSWORD } from './factories';
import type { World } from './world';

/**
 * What each tRPC procedure may reach, for the isolation harness (server/trpc/isolation.test.ts).
 * Every procedure of the app router must be listed: a new procedure fails the harness until its
 * author says here who may call it and gives an input aimed at another organization's data.
 *
 * - public: callable without a session and touches no organization's data.
 * - user:   the signed-in user's own data only.
 * - org:    the caller's organization only; `input` references organization B.
 * - staff:  seller staff only; buyers are refused.
 */
export type Access = 'public' | 'user' | 'org' | 'staff';

export type IsolationCase = {
  access: Access;
  /** Input aimed at organization B (or anything the caller should not reach); none if omitted. */
  input?: (world: World) => unknown;
};

export const ISOLATION_CASES: Record<string, IsolationCase> = {
  'session.me': { access: 'user' },
  'session.signOut': { access: 'user' },
  'session.switchAccount': { access: 'user', input: (w) => ({ membershipId: w.b.manager.membership.id }) },

  'account.changePassword': {
    access: 'user',
    input: () => ({
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'Another-river-42-stone',
      confirmPassword: 'Another-river-42-stone',
    }),
  },
  'account.setTimeZone': { access: 'user', input: () => ({ timeZone: 'Asia/Tokyo' }) },

  // Passkeys and signed-in devices belong to the login: another user's are not found.
  'passkeys.list': { access: 'user' },
  'passkeys.registrationOptions': { access: 'user' },
  'passkeys.register': {
    access: 'user',
    input: () => ({
      challengeId: '00000000-0000-4000-8000-000000000000',
      name: 'Probe key',
      response: {
        id: 'cHJvYmU',
        rawId: 'cHJvYmU',
        type: 'public-key',
        response: { clientDataJSON: 'e30', attestationObject: 'oA' },
        clientExtensionResults: {},
      },
    }),
  },
  'passkeys.rename': {
    access: 'user',
    input: () => ({ passkeyId: '00000000-0000-4000-8000-000000000000', name: 'Probe key' }),
  },
  'passkeys.remove': { access: 'user', input: () => ({ passkeyId: '00000000-0000-4000-8000-000000000000' }) },
  'passkeys.signInOptions': { access: 'public' },
  'devices.list': { access: 'user' },
  'devices.signOut': { access: 'user', input: () => ({ sessionId: '00000000-0000-4000-8000-000000000000' }) },
  'devices.signOutOthers': { access: 'user' },
  // The second factor belongs to the login; the policies to the caller's own organization.
  'secondFactor.status': { access: 'user' },
  'secondFactor.beginSetup': { access: 'user' },
  'secondFactor.confirmSetup': { access: 'user', input: () => ({ code: '123456' }) },
  'secondFactor.verify': { access: 'user', input: () => ({ code: '123456' }) },
  'secondFactor.regenerateRecoveryCodes': { access: 'user', input: () => ({ code: '123456' }) },
  'secondFactor.remove': { access: 'user', input: () => ({ code: '123456' }) },
  'secondFactor.organizationPolicy': { access: 'org' },
  'secondFactor.setOrganizationPolicy': { access: 'org', input: () => ({ required: false }) },
  'secondFactor.staffPolicy': { access: 'staff' },
  'secondFactor.setStaffPolicy': { access: 'staff', input: () => ({ required: false }) },
  // Push notifications: the caller's own devices only (server/push/push.test.ts removes another's).
  'notifications.status': { access: 'user' },
  'notifications.subscribe': {
    access: 'user',
    input: () => ({
      endpoint: 'https://8.8.8.8/push/isolation-probe',
      keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) },
    }),
  },
  'notifications.unsubscribe': { access: 'user', input: () => ({ endpoint: 'https://8.8.8.8/push/isolation-probe' }) },
  'notifications.removeDevice': {
    access: 'user',
    input: () => ({ subscriptionId: '00000000-0000-4000-8000-000000000000' }),
  },
  'notifications.sendTest': { access: 'user' },
  'account.requestPasswordReset': { access: 'public', input: (w) => ({ email: w.b.manager.user.email }) },
  'devMailbox.list': { access: 'public', input: () => ({}) },
  'devMailbox.get': { access: 'public', input: () => ({ id: '00000000-0000-4000-8000-000000000000' }) },
  'account.resetPasswordLink': { access: 'public', input: () => ({ token: 'not-a-real-token-0123456789' }) },
  'account.resetPassword': {
    access: 'public',
    input: () => ({
      token: 'not-a-real-token-0123456789',
      newPassword: 'Another-river-42-stone',
      confirmPassword: 'Another-river-42-stone',
    }),
  },

  'organization.current': { access: 'org' },
  'organization.administrationCounts': { access: 'org' },
  'home.overview': { access: 'org' },
  'staff.queueCounts': { access: 'staff' },
  'organization.unit': { access: 'org', input: (w) => ({ unitId: w.b.units[0]?.id }) },

  // Units (organization tree)
  'units.tree': { access: 'org' },
  'units.create': { access: 'org', input: (w) => ({ parentId: w.b.units[0]?.id, name: 'Isolation probe unit' }) },
  'units.rename': { access: 'org', input: (w) => ({ unitId: w.b.units[0]?.id, name: 'Isolation probe rename' }) },
  'units.move': { access: 'org', input: (w) => ({ unitId: w.b.units[1]?.id, parentId: w.b.organization.id }) },
  'units.deactivate': { access: 'org', input: (w) => ({ unitId: w.b.units[1]?.id }) },
  'units.reactivate': { access: 'org', input: (w) => ({ unitId: w.b.units[0]?.id }) },

  // Ship-to addresses
  'addresses.list': { access: 'org' },
  'addresses.create': {
    access: 'org',
    input: () => ({
      label: 'Probe dock',
      recipient: 'Probe',
      addressLine1: '1 Probe St',
      city: 'Testville',
      postalCode: '12345',
      country: 'US',
    }),
  },
  'addresses.update': {
    access: 'org',
    input: (w) => ({
      addressId: w.b.address.id,
      label: 'Probe dock',
      recipient: 'Probe',
      addressLine1: '1 Probe St',
      city: 'Testville',
      postalCode: '12345',
      country: 'US',
    }),
  },
  'addresses.makeDefault': { access: 'org', input: (w) => ({ addressId: w.b.address.id }) },
  'addresses.setActive': { access: 'org', input: (w) => ({ addressId: w.b.address.id, active: false }) },

  // Roles
  'roles.list': { access: 'org' },
  'roles.get': { access: 'org', input: (w) => ({ roleId: w.b.customRole.id }) },
  'roles.create': {
    access: 'org',
    input: () => ({
      name: 'Isolation probe role',
      description: '',
      grants: [{ permission: 'orders.view', scope: 'own' }],
    }),
  },
  'roles.update': {
    access: 'org',
    input: (w) => ({
      roleId: w.b.customRole.id,
      name: 'Isolation probe rename',
      description: '',
      grants: [{ permission: 'orders.view', scope: 'own' }],
    }),
  },
  'roles.delete': { access: 'org', input: (w) => ({ roleId: w.b.customRole.id }) },

  // Members, invitations and history
  'members.list': { access: 'org', input: (w) => ({ unitId: w.b.units[0]?.id }) },
  'members.options': { access: 'org' },
  'members.get': { access: 'org', input: (w) => ({ membershipId: w.b.buyer.membership.id }) },
  'members.create': {
    access: 'org',
    input: (w) => ({
      name: 'Probe',
      email: 'probe-member@isolation.test',
      unitId: w.a.units[0]?.id,
      roleIds: [w.b.customRole.id],
      mayOrder: false,
      maySeePrices: false,
      maySeeStock: false,
      mayAuthorizeOrders: false,
      hasLimitedBudget: false,
    }),
  },
  'members.update': {
    access: 'org',
    input: (w) => ({
      membershipId: w.b.buyer.membership.id,
      name: 'Probe',
      email: w.b.buyer.user.email,
      unitId: w.b.units[0]?.id,
      roleIds: [],
      mayOrder: false,
      maySeePrices: false,
      maySeeStock: false,
      mayAuthorizeOrders: false,
      hasLimitedBudget: false,
    }),
  },
  'members.setActivated': {
    access: 'org',
    input: (w) => ({ membershipId: w.b.buyer.membership.id, activated: false }),
  },
  'members.resendInvitation': { access: 'org', input: (w) => ({ membershipId: w.b.buyer.membership.id }) },
  'auditHistory.list': { access: 'org', input: () => ({}) },
  // Filtering by a unit of organization B is refused; its figures never show.
  'insights.organization': { access: 'org', input: (w) => ({ unitId: w.b.units[0]?.id }) },

  // Cart: the caller's own membership only; B's products are the same catalog, B's contract price must not leak.
  'cart.get': { access: 'org' },
  'cart.itemCount': { access: 'org' },
  'cart.add': { access: 'org', input: (w) => ({ sku: w.catalog.product.sku, quantity: 1 }) },
  'cart.quickOrder': { access: 'org', input: (w) => ({ lines: `${w.catalog.product.sku} 2` }) },
  'cart.setQuantity': { access: 'org', input: (w) => ({ sku: w.catalog.product.sku, quantity: 3 }) },
  'cart.clear': { access: 'org' },

  // Checkout: the caller's own cart; B's address must be refused.
  'checkout.options': { access: 'org' },
  'checkout.resubmit': { access: 'org', input: (w) => ({ number: w.b.order.number }) },
  'checkout.submit': {
    access: 'org',
    input: (w) => ({
      idempotencyKey: 'isolation-probe-key-0001',
      addressId: w.b.address.id,
      shippingMethodCode: 'TEST-GROUND',
      paymentMethod: 'on_account',
    }),
  },

  // Authorizations: decisions on B's orders are refused (not found in A).
  'authorizations.inbox': {
    access: 'org',
    input: (w) => ({ state: 'pending', requesterMembershipId: w.b.buyer.membership.id }),
  },
  'authorizations.waitingCount': { access: 'org' },
  'authorizations.requesters': { access: 'org' },
  'authorizations.order': { access: 'org', input: (w) => ({ number: w.b.order.number }) },
  'authorizations.approve': { access: 'org', input: (w) => ({ number: w.b.order.number }) },
  'authorizations.approveMany': { access: 'org', input: (w) => ({ numbers: [w.b.order.number] }) },
  'authorizations.handOnOptions': { access: 'org', input: (w) => ({ number: w.b.order.number }) },
  // B's order is not found in A; B's manager is not a member of A either.
  'authorizations.handOn': {
    access: 'org',
    input: (w) => ({ number: w.b.order.number, toMembershipId: w.b.manager.membership.id, note: 'Isolation probe' }),
  },
  'approvalQuestions.thread': { access: 'org', input: (w) => ({ number: w.b.order.number }) },
  'approvalQuestions.ask': {
    access: 'org',
    input: (w) => ({ number: w.b.order.number, question: 'Isolation probe?' }),
  },
  'approvalQuestions.answer': {
    access: 'org',
    input: (w) => ({ number: w.b.order.number, answer: 'Isolation probe' }),
  },
  'authorizations.cancelDecision': { access: 'org', input: (w) => ({ number: w.b.order.number }) },
  'authorizations.decline': {
    access: 'org',
    input: (w) => ({ number: w.b.order.number, feedback: 'Isolation probe' }),
  },

  // Quotes: each member's own; B's quote numbers are refused. Staff quotes desk.
  'quotes.request': { access: 'org', input: () => ({ note: 'Isolation probe' }) },
  'quotes.list': { access: 'org', input: () => ({}) },
  'quotes.get': { access: 'org', input: (w) => ({ number: w.b.quote.number }) },
  'quotes.withdraw': { access: 'org', input: (w) => ({ number: w.b.quote.number }) },
  'quotes.order': {
    access: 'org',
    input: (w) => ({
      number: w.b.quote.number,
      idempotencyKey: 'isolation-probe-quote-0001',
      addressId: w.a.address.id,
      shippingMethodCode: 'TEST-GROUND',
      paymentMethod: 'on_account',
    }),
  },
  'quotes.approvalPreview': {
    access: 'org',
    input: (w) => ({ number: w.b.quote.number, shippingMethodCode: 'TEST-GROUND' }),
  },
  'staffQuotes.list': { access: 'staff', input: () => ({}) },
  'staffQuotes.get': { access: 'staff', input: (w) => ({ number: w.b.quote.number }) },
  'staffQuotes.price': {
    access: 'staff',
    input: (w) => ({
      number: w.b.quote.number,
      lines: [{ lineNumber: 1, unitPrice: '1.00' }],
      validUntil: '2099-01-01',
    }),
  },
  'staffQuotes.reject': { access: 'staff', input: (w) => ({ number: w.b.quote.number, reason: 'Isolation probe' }) },

  // Approval rules and spending limits (anchor: approval rules)
  'approvalRules.list': { access: 'org', input: (w) => ({ search: w.b.customRole.name }) },
  'approvalRules.options': { access: 'org' },
  'approvalRules.get': { access: 'org', input: () => ({ ruleId: '00000000-0000-4000-8000-000000000000' }) },
  'approvalRules.create': {
    access: 'org',
    input: (w) => ({
      name: 'Isolation probe rule',
      active: false,
      tier: 1,
      conditions: [{ field: 'order_total', comparator: '>', value: '1.00' }],
      appliesTo: { kind: 'units', roleIds: [], unitIds: [w.b.units[0]?.id] },
      approvers: { kind: 'members', roleId: '', membershipIds: [w.b.manager.membership.id] },
    }),
  },
  'approvalRules.update': {
    access: 'org',
    input: (w) => ({
      ruleId: '00000000-0000-4000-8000-000000000000',
      version: 1,
      name: 'Isolation probe rule',
      active: false,
      tier: 1,
      conditions: [{ field: 'order_total', comparator: '>', value: '1.00' }],
      appliesTo: { kind: 'roles', roleIds: [w.b.customRole.id], unitIds: [] },
      approvers: { kind: 'role', roleId: w.b.customRole.id, membershipIds: [] },
    }),
  },
  'approvalRules.setActive': {
    access: 'org',
    input: () => ({ ruleId: '00000000-0000-4000-8000-000000000000', active: false }),
  },
  'approvalRules.delete': { access: 'org', input: () => ({ ruleId: '00000000-0000-4000-8000-000000000000' }) },
  'approvalRules.tryIt': {
    access: 'org',
    input: (w) => ({ requesterMembershipId: w.b.buyer.membership.id, amount: '20,000.00', itemCount: '5' }),
  },
  'spendingLimits.members': { access: 'org', input: (w) => ({ search: w.b.buyer.user.name }) },
  'spendingLimits.list': { access: 'org', input: (w) => ({ membershipId: w.b.buyer.membership.id }) },
  'spendingLimits.create': {
    access: 'org',
    input: (w) => ({
      membershipId: w.b.buyer.membership.id,
      limit: '100.00',
      period: 'order',
      authorizerMembershipIds: [w.b.manager.membership.id],
    }),
  },
  'spendingLimits.update': {
    access: 'org',
    input: (w) => ({
      limitId: '00000000-0000-4000-8000-000000000000',
      limit: '100.00',
      period: 'order',
      authorizerMembershipIds: [w.b.manager.membership.id],
    }),
  },
  'spendingLimits.delete': { access: 'org', input: () => ({ limitId: '00000000-0000-4000-8000-000000000000' }) },

  // Delegations (anchor: delegations)
  // Naming B's manager as stand-in is refused (not a member of A); get and clear reach only the caller's own.
  'delegations.get': { access: 'org' },
  'delegations.options': { access: 'org' },
  'delegations.set': {
    access: 'org',
    input: (w) => ({
      delegateMembershipId: w.b.manager.membership.id,
      startsAt: new Date().toISOString().slice(0, 10),
      endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    }),
  },
  'delegations.clear': { access: 'org' },

  // Buyer orders and templates (anchor: buyer orders)
  'orders.list': { access: 'org', input: (w) => ({ search: w.b.order.number }) },
  'orders.get': { access: 'org', input: (w) => ({ number: w.b.order.number }) },
  'orders.cancel': { access: 'org', input: (w) => ({ number: w.b.order.number, reason: 'Isolation probe' }) },
  'orders.reorder': { access: 'org', input: (w) => ({ number: w.b.order.number }) },
  'orders.statement': { access: 'org', input: () => ({}) },
  'orderTemplates.list': { access: 'org', input: () => ({}) },
  'orderTemplates.get': { access: 'org', input: () => ({ templateId: '00000000-0000-4000-8000-000000000000' }) },
  'orderTemplates.saveCart': { access: 'org', input: () => ({ name: 'Isolation probe template' }) },
  'orderTemplates.rename': {
    access: 'org',
    input: () => ({ templateId: '00000000-0000-4000-8000-000000000000', name: 'Isolation probe' }),
  },
  'orderTemplates.delete': { access: 'org', input: () => ({ templateId: '00000000-0000-4000-8000-000000000000' }) },
  'orderTemplates.addToCart': { access: 'org', input: () => ({ templateId: '00000000-0000-4000-8000-000000000000' }) },

  // Staff orders, payment review (anchor: staff orders)
  'staffOrders.list': { access: 'staff', input: (w) => ({ organizationId: w.b.organization.id }) },
  'staffOrders.organizations': { access: 'staff' },
  'staffOrders.get': { access: 'staff', input: (w) => ({ number: w.b.order.number }) },
  // An empty reason: the permission is checked before the input, and B's order stays as it is for the other probes.
  'staffOrders.cancel': { access: 'staff', input: (w) => ({ number: w.b.order.number, reason: '' }) },
  'staffOrders.markSettled': { access: 'staff', input: (w) => ({ number: w.b.order.number }) },
  'staffOrders.retryCapture': { access: 'staff', input: (w) => ({ number: w.b.order.number }) },
  'staffOrders.paymentQueue': { access: 'staff', input: () => ({}) },
  'staffOrders.approvePayment': { access: 'staff', input: (w) => ({ number: w.b.order.number }) },
  'staffOrders.rejectPayment': {
    access: 'staff',
    input: (w) => ({ number: w.b.order.number, reason: 'Isolation probe' }),
  },

  // Fulfillment (anchor: fulfillment)
  'fulfillment.centers': { access: 'staff' },
  'fulfillment.queue': { access: 'staff', input: () => ({ centerId: '00000000-0000-4000-8000-000000000000' }) },
  'fulfillment.createPickBatch': {
    access: 'staff',
    input: (w) => ({ centerId: '00000000-0000-4000-8000-000000000000', orderNumbers: [w.b.order.number] }),
  },
  'fulfillment.batches': { access: 'staff', input: () => ({}) },
  'fulfillment.batch': { access: 'staff', input: () => ({ number: 1001 }) },
  'fulfillment.pickTicket': { access: 'staff', input: () => ({ batchNumber: 1001 }) },
  'fulfillment.packingSlip': {
    access: 'staff',
    input: (w) => ({ orderNumber: w.b.order.number, centerId: '00000000-0000-4000-8000-000000000000' }),
  },
  'fulfillment.createPackage': {
    access: 'staff',
    input: (w) => ({
      orderNumber: w.b.order.number,
      centerId: '00000000-0000-4000-8000-000000000000',
      lines: [{ orderLineId: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
    }),
  },
  'fulfillment.confirmShipment': {
    access: 'staff',
    input: () => ({
      packageId: '00000000-0000-4000-8000-000000000000',
      carrier: 'UPS',
      trackingNumber: '1Z-ISOLATION-PROBE',
    }),
  },

  // ERP feed keys (anchor: erp keys)
  'erpKeys.list': { access: 'staff', input: () => ({}) },
  'erpKeys.create': { access: 'staff', input: () => ({ name: 'Isolation probe key' }) },
  'erpKeys.revoke': { access: 'staff', input: () => ({ keyId: '00000000-0000-4000-8000-000000000000' }) },

  // Catalog
  'catalog.categories': { access: 'org' },
  'catalog.products': { access: 'org', input: (w) => ({ search: w.catalog.product.sku }) },
  'catalog.product': { access: 'org', input: (w) => ({ sku: w.catalog.product.sku }) },
  'staffCatalog.options': { access: 'staff' },
  'staffCatalog.products': { access: 'staff', input: () => ({}) },
  'staffCatalog.product': { access: 'staff', input: (w) => ({ sku: w.catalog.product.sku }) },
  'staffCatalog.createProduct': {
    access: 'staff',
    input: () => ({
      sku: 'ISOLATION-PROBE',
      name: 'Probe',
      description: '',
      unit: 'each',
      category: 'Probe',
      active: false,
    }),
  },
  'staffCatalog.updateProduct': {
    access: 'staff',
    input: (w) => ({
      productId: w.catalog.product.id,
      name: w.catalog.product.name,
      description: '',
      unit: 'each',
      category: 'World',
      active: true,
    }),
  },
  'staffCatalog.setPrice': {
    access: 'staff',
    input: (w) => ({ productId: w.catalog.product.id, priceListId: w.b.contract.priceListId, unitPrice: '100.00' }),
  },
  'staffCatalog.receiveStock': {
    access: 'staff',
    input: (w) => ({
      productId: w.catalog.product.id,
      fulfillmentCenterId: '00000000-0000-4000-8000-000000000000',
      quantity: 1,
    }),
  },
  'staffCatalog.countStock': {
    access: 'staff',
    input: (w) => ({
      productId: w.catalog.product.id,
      fulfillmentCenterId: '00000000-0000-4000-8000-000000000000',
      onHand: 0,
      expectedVersion: 0,
    }),
  },
  'staffCatalog.previewImport': { access: 'staff', input: () => ({ productsCsv: 'sku,name,unit,category\n' }) },
  'staffCatalog.applyImport': { access: 'staff', input: () => ({ productsCsv: 'sku,name,unit,category\n' }) },

  // Onboarding: registration, joining, re-verification, staff registrations
  'onboarding.register': {
    access: 'public',
    input: (w) => ({
      organizationName: 'Isolation Probe Ltd',
      addressLine1: '1 Probe St',
      city: 'Testville',
      postalCode: '12345',
      country: 'US',
      phone: '+1 555 0100',
      taxNumber: 'TAX-1',
      adminName: 'Probe',
      adminEmail: w.b.manager.user.email,
      password: 'Another-river-42-stone',
    }),
  },
  'onboarding.verifyEmailLink': { access: 'public', input: () => ({ token: 'not-a-real-token-0123456789' }) },
  'onboarding.reverifyLink': { access: 'public', input: () => ({ token: 'not-a-real-token-0123456789' }) },
  'onboarding.verifyEmail': { access: 'public', input: () => ({ token: 'not-a-real-token-0123456789' }) },
  'onboarding.join': {
    access: 'public',
    input: () => ({
      code: 'NOPE-NOPE-NOPE',
      name: 'Probe',
      email: 'probe@isolation.test',
      password: 'Another-river-42-stone',
    }),
  },
  'onboarding.reverify': { access: 'public', input: () => ({ token: 'not-a-real-token-0123456789' }) },
  'joinRequests.code': { access: 'org' },
  'joinRequests.regenerateCode': { access: 'org' },
  'joinRequests.pending': { access: 'org' },
  'joinRequests.approve': { access: 'org', input: (w) => ({ membershipId: w.b.buyer.membership.id }) },
  'joinRequests.decline': { access: 'org', input: (w) => ({ membershipId: w.b.buyer.membership.id }) },
  'registrations.list': { access: 'staff', input: () => ({}) },
  'registrations.get': { access: 'staff', input: (w) => ({ organizationId: w.b.organization.id }) },
  'registrations.assignRepresentative': {
    access: 'staff',
    input: (w) => ({ organizationId: w.b.organization.id, representativeMembershipId: w.seller.admin.membership.id }),
  },
  'registrations.saveAccount': {
    access: 'staff',
    input: (w) => ({
      organizationId: w.b.organization.id,
      currency: 'USD',
      creditLimit: '100',
      paymentTerms: 'NET 30',
      paymentMethods: ['card'],
    }),
  },
  'registrations.addContract': {
    access: 'staff',
    input: (w) => ({
      organizationId: w.b.organization.id,
      name: 'Probe',
      discountPercent: '1',
      validFrom: '2026-01-01',
    }),
  },
  'registrations.removeContract': {
    access: 'staff',
    input: () => ({ contractId: '00000000-0000-4000-8000-000000000000' }),
  },
  'registrations.approve': { access: 'staff', input: (w) => ({ organizationId: w.b.organization.id }) },
  'registrations.reject': { access: 'staff', input: (w) => ({ organizationId: w.b.organization.id, reason: 'Probe' }) },
  'registrations.suspend': {
    access: 'staff',
    input: (w) => ({ organizationId: w.b.organization.id, reason: 'Probe' }),
  },
  'registrations.reactivate': { access: 'staff', input: (w) => ({ organizationId: w.b.organization.id }) },

  // ERP import and instant accounts
  'erp.previewImport': {
    access: 'staff',
    input: () => ({ customersCsv: 'customer_code,name,cash_account\n', contactsCsv: 'customer_code,email,name\n' }),
  },
  'erp.applyImport': {
    access: 'staff',
    input: () => ({ customersCsv: 'customer_code,name,cash_account\n', contactsCsv: 'customer_code,email,name\n' }),
  },
  'erp.excludedCodes': { access: 'staff' },
  'erp.updateExcludedCodes': { access: 'staff', input: () => ({ codes: 'C9001' }) },
  'erp.contacts': { access: 'staff', input: (w) => ({ search: w.b.manager.user.email }) },
  'erp.createAccount': { access: 'staff', input: () => ({ contactId: '00000000-0000-4000-8000-000000000000' }) },
  'erp.requestInstantAccount': { access: 'public', input: (w) => ({ email: w.b.manager.user.email }) },
  'erp.instantAccount': { access: 'public', input: () => ({ token: 'not-a-real-token-0123456789' }) },
  'erp.completeInstantAccount': {
    access: 'public',
    input: () => ({
      token: 'not-a-real-token-0123456789',
      newPassword: 'Another-river-42-stone',
      confirmPassword: 'Another-river-42-stone',
    }),
  },
  'invitations.setPasswordLink': { access: 'public', input: () => ({ token: 'not-a-real-token-0123456789' }) },
  'invitations.setPassword': {
    access: 'public',
    input: () => ({
      token: 'not-a-real-token-0123456789',
      newPassword: 'Another-river-42-stone',
      confirmPassword: 'Another-river-42-stone',
    }),
  },

  'staff.jobs': { access: 'staff' },
  'staff.runJob': { access: 'staff', input: () => ({ name: 'dispatch-email' }) },
  'staff.outbox': { access: 'staff' },
  'staff.overview': { access: 'staff' },
  'staff.retryEmail': { access: 'staff', input: () => ({ id: '00000000-0000-4000-8000-000000000000' }) },
};
