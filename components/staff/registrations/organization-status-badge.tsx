import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import type { OrganizationStatus } from '@/server/domain/organizations/status';
import { statusWord } from '@/server/domain/organizations/transitions';

const TONE: Record<OrganizationStatus, BadgeTone> = {
  pending_approval: 'neutral',
  active: 'good',
  rejected: 'bad',
  suspended: 'bad',
};

/** An organization's registration status. */
export function OrganizationStatusBadge({ status }: { status: OrganizationStatus }) {
  return <StatusBadge tone={TONE[status]}>{statusWord(status)}</StatusBadge>;
}
