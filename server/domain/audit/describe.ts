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
    default: {
      const words = action.replace(/[._]/g, ' ');
      return name ? `${words}: ${name}` : words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}
