import type { OrganizationStatus } from './status';

export type OrganizationAction = 'approve' | 'reject' | 'suspend' | 'reactivate';

/** The only place that decides which status changes a buyer organization may go through. */
const TRANSITIONS: Record<OrganizationAction, { from: OrganizationStatus; to: OrganizationStatus }> = {
  approve: { from: 'pending_approval', to: 'active' },
  reject: { from: 'pending_approval', to: 'rejected' },
  suspend: { from: 'active', to: 'suspended' },
  reactivate: { from: 'suspended', to: 'active' },
};

const STATUS_WORDS: Record<OrganizationStatus, string> = {
  pending_approval: 'waiting for approval',
  active: 'active',
  rejected: 'rejected',
  suspended: 'suspended',
};

const DONE: Record<OrganizationAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  suspend: 'suspended',
  reactivate: 'reactivated',
};

export type TransitionResult = { ok: true; to: OrganizationStatus } | { ok: false; message: string };

/** `decided` names who put the organization where it is, for a message like "already approved by Sofia". */
export function organizationTransition(
  status: OrganizationStatus,
  action: OrganizationAction,
  decided?: { by: string; at: string },
): TransitionResult {
  const transition = TRANSITIONS[action];
  if (transition.from === status) return { ok: true, to: transition.to };
  const already =
    decided && status === transition.to ? ` ${decided.by} already ${DONE[action]} it on ${decided.at}.` : '';
  return { ok: false, message: `You cannot ${action} an organization that is ${STATUS_WORDS[status]}.${already}` };
}

export function statusWord(status: OrganizationStatus): string {
  return STATUS_WORDS[status];
}
