import { statusWord } from '@/server/domain/organizations/transitions';
import type { OrganizationStatus } from '@/server/domain/organizations/status';

const TONE: Record<OrganizationStatus, string> = {
  pending_approval: '',
  active: 'badge-good',
  rejected: 'badge-bad',
  suspended: 'badge-bad',
};

export function OrganizationStatusBadge({ status }: { status: OrganizationStatus }) {
  return <span className={`badge ${TONE[status]}`}>{statusWord(status)}</span>;
}
