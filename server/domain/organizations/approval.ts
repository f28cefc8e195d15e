import type { OrganizationStatus } from './status';

export type ContractPeriod = { validFrom: string; validTo: string | null };

/** A contract is current on `today` (YYYY-MM-DD) from its first day through its last. */
export function isCurrentContract(contract: ContractPeriod, today: string): boolean {
  return contract.validFrom <= today && (contract.validTo === null || contract.validTo >= today);
}

export type ApprovalInput = {
  status: OrganizationStatus;
  adminEmailVerified: boolean;
  hasAccount: boolean;
  contracts: ContractPeriod[];
  today: string;
};

/**
 * Everything that stands between a registration and its approval, as sentences for the seller
 * administrator. Empty means it may be approved.
 */
export function approvalBlockers(input: ApprovalInput): string[] {
  if (input.status !== 'pending_approval')
    return [`This organization is ${input.status.replace('_', ' ')}, not waiting for approval.`];
  const blockers: string[] = [];
  if (!input.adminEmailVerified) blockers.push('The buyer administrator has not confirmed their email address yet.');
  if (!input.hasAccount)
    blockers.push('The account is not set up yet (currency, credit limit, payment terms and methods).');
  if (!input.contracts.some((contract) => isCurrentContract(contract, input.today))) {
    blockers.push('There is no current contract: add one that is valid today.');
  }
  return blockers;
}

export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
