/** One line of an organization's history, in words an administrator reads. */
export function describeAuditEntry(action: string, data: Record<string, unknown>): string {
  const name = typeof data.name === 'string' ? data.name : undefined;
  const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.join(', ') : 'no roles');
  switch (action) {
    case 'member.created':
      return `Added ${name ?? 'a member'} (${String(data.email ?? '')}) with ${list(data.roles)}${data.invited ? '; invitation sent' : ''}`;
    case 'member.updated':
      return `Changed ${name ?? 'a member'}: roles ${list(data.roles)}${data.unitChanged ? ', moved to another unit' : ''}`;
    case 'member.deactivated':
      return `Deactivated ${name ?? 'a member'}`;
    case 'member.reactivated':
      return `Reactivated ${name ?? 'a member'}`;
    case 'member.invitation_resent':
      return `Sent ${name ?? 'a member'} a new invitation`;
    case 'membership.approved':
      return `Approved ${name ?? 'someone'}'s request to join`;
    case 'membership.declined':
      return `Declined ${name ?? 'someone'}'s request to join`;
    case 'join_code.regenerated':
      return 'Made a new invitation code';
    case 'spending_limit.created':
    case 'spending_limit.updated':
    case 'spending_limit.deleted': {
      const verb =
        action === 'spending_limit.created' ? 'Added' : action === 'spending_limit.updated' ? 'Changed' : 'Removed';
      const period = data.period === 'month' ? ' this month' : '';
      const who =
        Array.isArray(data.authorizers) && data.authorizers.length > 0
          ? `: ${data.authorizers.join(' or ')} approve${data.authorizers.length === 1 ? 's' : ''}`
          : '';
      return `${verb} ${name ?? 'a member'}'s spending limit over ${String(data.limit ?? '')}${period}${verb === 'Removed' ? '' : who}`;
    }
    case 'approval_rule.created':
      return `Created the approval rule “${name ?? ''}”`;
    case 'approval_rule.updated':
      return `Changed the approval rule “${name ?? ''}”`;
    case 'approval_rule.activated':
      return `Activated the approval rule “${name ?? ''}”`;
    case 'approval_rule.deactivated':
      return `Deactivated the approval rule “${name ?? ''}”`;
    case 'approval_rule.deleted':
      return `Deleted the approval rule “${name ?? ''}”`;
    default: {
      const words = action.replace(/[._]/g, ' ');
      return name ? `${words}: ${name}` : words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}
