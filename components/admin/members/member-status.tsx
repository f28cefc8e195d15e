import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import { MEMBER_STATUS_LABELS, memberStatus, type MemberStatus } from '@/server/domain/access/members';
import type { MembershipStatus, UserStatus } from '@/server/domain/organizations/status';

const TONE: Record<MemberStatus, BadgeTone> = {
  active: 'good',
  invited: 'warn',
  pending: 'warn',
  deactivated: 'bad',
  declined: 'bad',
};

/** A member's status: active, invited, pending, deactivated or declined. */
export function MemberStatusBadge(props: {
  membershipStatus: MembershipStatus;
  activated: boolean;
  userStatus: UserStatus;
}) {
  const status = memberStatus(props);
  return <StatusBadge tone={TONE[status]}>{MEMBER_STATUS_LABELS[status]}</StatusBadge>;
}
