import { memberStatus, type MemberStatus } from '@/server/domain/access/members';
import type { MembershipStatus, UserStatus } from '@/server/domain/organizations/status';

const TONE: Record<MemberStatus, string> = {
  active: 'badge-good',
  invited: '',
  pending: '',
  deactivated: 'badge-bad',
  declined: 'badge-bad',
};

export function MemberStatusBadge(props: {
  membershipStatus: MembershipStatus;
  activated: boolean;
  userStatus: UserStatus;
}) {
  const status = memberStatus(props);
  return <span className={`badge ${TONE[status]}`}>{status}</span>;
}
