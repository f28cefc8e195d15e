import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import { memberStatus, type MemberStatus } from '@/server/domain/access/members';
import type { MembershipStatus, UserStatus } from '@/server/domain/organizations/status';

const TONE: Record<MemberStatus, BadgeTone> = {
  active: 'good',
  invited: 'neutral',
  pending: 'neutral',
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
  return <StatusBadge tone={TONE[status]}>{status}</StatusBadge>;
}
